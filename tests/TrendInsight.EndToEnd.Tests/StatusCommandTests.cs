namespace TrendInsight.EndToEnd.Tests;

/// <summary><c>trendinsight status</c> as an operator runs it, also while an ingest is running.</summary>
public sealed class StatusCommandTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("ti-e2e-status-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact]
    public void Status_WhileAnIngestHoldsTheManifest_SaysSoAndShowsTheRest()
    {
        var landing = Path.Combine(data, "landing");
        var simulated = CliProcess.Run(null, "--data", data, "simulate", "--days", "3", "--end", "2026-11-20", "--seed", "5", "--scale", "0.01", "--out", landing);
        Assert.True(simulated.ExitCode == 0, simulated.ToString());
        var first = CliProcess.Run(null, "--data", data, "ingest");
        Assert.True(first.ExitCode is 0 or 3, first.ToString());

        var before = CliProcess.Run(null, "--data", data, "status");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Contains("last ingest runs", before.Stdout, StringComparison.Ordinal);

        // A second ingest stops just before it renames its files, with the manifest open for writing.
        var marker = Path.Combine(data, "paused");
        using var running = CliProcess.Start(
            new Dictionary<string, string> { ["TRENDINSIGHT_INGEST_PAUSE_AT"] = "before-rename", ["TRENDINSIGHT_INGEST_PAUSE_MARKER"] = marker },
            "--data", data, "ingest");
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!File.Exists(marker) && !running.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }

            Assert.True(File.Exists(marker), "the second ingest never reached its pause point");
            var during = CliProcess.Run(null, "--data", data, "status");

            Assert.True(during.ExitCode == 0, during.ToString());
            var unwrapped = string.Join(' ', during.Stdout.Split('\n', StringSplitOptions.TrimEntries));
            Assert.Contains("in use by a running ingest (pid " + running.Id, unwrapped, StringComparison.Ordinal);
            Assert.Contains(during.Stdout.Split('\n'), l => l.StartsWith("ingest ", StringComparison.Ordinal) && l.Contains("running", StringComparison.Ordinal));
        }
        finally
        {
            running.Kill(entireProcessTree: true);
            running.WaitForExit();
        }
    }
}
