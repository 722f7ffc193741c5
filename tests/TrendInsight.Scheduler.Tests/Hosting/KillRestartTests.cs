using TrendInsight.Scheduler.Tests.TestDoubles;

namespace TrendInsight.Scheduler.Tests.Hosting;

/// <summary>A real scheduler process on the SQLite store, killed with SIGKILL mid-job and started again.</summary>
public class KillRestartTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Schedule_KilledMidJobAndRestarted_RecoversTheJobAndKeepsFiring()
    {
        using var temp = new TempFolder();
        var log = new CallLog(Path.Combine(temp.Path, "calls.log"));
        string[] args = ["--data", temp.Path, "--ingest-cron", "0/2 * * * * ?", "--delay-ms", "1500"];

        int killedPid;
        using (var first = NodeProcess.Start(args))
        {
            killedPid = first.Pid;
            var midJob = await Wait.UntilAsync(
                () =>
                {
                    var mine = log.Read().Where(e => e.Pid == killedPid).ToList();
                    return mine.Count(e => e.Phase == "end") >= 1 && mine[^1].Phase == "start";
                },
                Limit);
            Assert.True(midJob, "the first node never got mid-job:\n" + first.Output);
            first.KillHard();
        }

        var interrupted = log.Read().Where(e => e.Pid == killedPid).ToList();
        Assert.Equal("start", interrupted[^1].Phase);

        using var second = NodeProcess.Start(args);
        var ran = await Wait.UntilAsync(() => log.Read().Count(e => e.Pid == second.Pid && e.Phase == "end") >= 2, Limit);
        Assert.True(ran, "the restarted node did not run the stored schedule:\n" + second.Output);

        var recovered = await Wait.UntilAsync(() => ReadLogs(temp.Path).Any(l => l.Contains("\"Recovering\":\"True\"", StringComparison.Ordinal)), Limit);
        Assert.True(recovered, "the job interrupted by the kill was not recovered:\n" + second.Output);

        second.Terminate();
        Assert.True(second.WaitForExit(Limit), "SIGTERM did not stop the node");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("node stopped", second.Output, StringComparison.Ordinal);

        // Graceful shutdown waits for the running job: the last thing the second node did is finish one.
        var last = log.Read().Where(e => e.Pid == second.Pid).ToList();
        Assert.Equal("end", last[^1].Phase);
    }

    private static IEnumerable<string> ReadLogs(string root)
    {
        var folder = Path.Combine(root, "state", "logs");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.jsonl"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
