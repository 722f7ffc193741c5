using Npgsql;
using Quartz;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Scheduler.Hosting;
using TrendInsight.Scheduler.Jobs;
using TrendInsight.Scheduler.Tests.TestDoubles;
using Xunit.Abstractions;

namespace TrendInsight.Scheduler.Tests.Cluster;

/// <summary>
/// Clustered mode: two scheduler processes share one PostgreSQL job store; one is killed with SIGKILL
/// mid-job; the other recovers the job and every day is processed exactly once.
/// </summary>
public class ClusterRecoveryTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(240);
    private readonly ITestOutputHelper _output;

    public ClusterRecoveryTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Cluster_NodeKilledMidJob_OtherNodeRecoversAndNoDayIsProcessedTwice()
    {
        var bin = PostgresServer.FindBinaries();
        if (bin is null)
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "PostgreSQL binaries (/usr/lib/postgresql/*/bin/initdb, pg_ctl) are missing; `make setup` installs the postgresql package");
            _output.WriteLine("SKIPPED: PostgreSQL is not installed (apt-get install postgresql); the cluster test needs initdb and pg_ctl.");
            return;
        }

        using var pg = PostgresServer.Start(bin);
        pg.Execute("postgres", "CREATE DATABASE trendinsight_quartz");
        pg.Execute("trendinsight_quartz", "CREATE TABLE processed_days (id bigserial PRIMARY KEY, stage text NOT NULL, day date, phase text NOT NULL, pid int NOT NULL, at timestamptz NOT NULL DEFAULT now())");
        var connection = pg.ConnectionString("trendinsight_quartz");

        using var temp = new TempFolder();
        string[] Args(string data) =>
        [
            "--data", data, "--store", "postgres", "--pg", connection, "--record-pg", connection,
            "--checkin-seconds", "3", "--delay-ms", "3000",
        ];

        using var nodeA = NodeProcess.Start(Args(Path.Combine(temp.Path, "a")));
        Assert.True(await Wait.UntilAsync(() => nodeA.Output.Contains("node ready", StringComparison.Ordinal), Limit), "node A did not start:\n" + nodeA.Output);
        using var nodeB = NodeProcess.Start(Args(Path.Combine(temp.Path, "b")));
        Assert.True(await Wait.UntilAsync(() => nodeB.Output.Contains("node ready", StringComparison.Ordinal), Limit), "node B did not start:\n" + nodeB.Output);

        // Four days of analysis, queued as one-shot firings in the shared store.
        var days = Enumerable.Range(0, 4).Select(i => new DateOnly(2026, 11, 9).AddDays(i)).ToArray();
        var settings = SchedulerSettings.From(new PipelineConfig(), new DataLayout(Path.Combine(temp.Path, "client"))) with
        {
            Store = "postgres",
            PostgresConnection = connection,
            InstanceId = "test-client",
        };
        var client = await QuartzSchedulerBuilder.Create(q => QuartzConfigurator.Configure(q, settings)).BuildScheduler();
        foreach (var day in days)
        {
            await client.ScheduleTrigger(ScheduleRegistrar.BuildDayTrigger(PipelineJobs.Analyze, day, DateTimeOffset.UtcNow, TimeProvider.System), TriggerConflict.Replace);
        }

        // Kill whichever node is in the middle of a day.
        (DateOnly Day, int Pid) victim = default;
        Assert.True(
            await Wait.UntilAsync(
                () =>
                {
                    var rows = Read(connection);
                    var started = rows.LastOrDefault(r => r is { Stage: "analyze", Phase: "start" });
                    if (started is null || rows.Any(r => r.Stage == "analyze" && r.Phase == "end" && r.Day == started.Day && r.Pid == started.Pid))
                    {
                        return false;
                    }

                    victim = (started.Day!.Value, started.Pid);
                    return true;
                },
                Limit),
            "no node started a day:\nA:\n" + nodeA.Output + "\nB:\n" + nodeB.Output);
        var (killed, survivor) = victim.Pid == nodeA.Pid ? (nodeA, nodeB) : (nodeB, nodeA);
        Assert.Equal(victim.Pid, killed.Pid);
        killed.KillHard();
        _output.WriteLine($"killed node {killed.Pid} while it processed {victim.Day:yyyy-MM-dd}");

        var allDone = await Wait.UntilAsync(
            () => days.All(d => Read(connection).Any(r => r is { Stage: "analyze", Phase: "end" } && r.Day == d)),
            Limit);
        var rows = Read(connection);
        foreach (var row in rows)
        {
            _output.WriteLine($"{row.Stage} {row.Day:yyyy-MM-dd} {row.Phase} {row.Pid}");
        }

        Assert.True(allDone, "not every day was processed:\nsurvivor:\n" + survivor.Output);

        // Give a duplicate every chance to appear before counting.
        await Task.Delay(TimeSpan.FromSeconds(3));
        rows = Read(connection);
        foreach (var day in days)
        {
            Assert.Single(rows, r => r is { Stage: "analyze", Phase: "end" } && r.Day == day);
        }

        Assert.DoesNotContain(rows, r => r.Stage == "analyze" && r.Day is { } d && !days.Contains(d));
        Assert.Contains(rows, r => r is { Stage: "analyze", Phase: "end" } && r.Day == victim.Day && r.Pid == survivor.Pid);
        Assert.DoesNotContain(rows, r => r is { Stage: "analyze", Phase: "end" } && r.Pid == killed.Pid && r.Day == victim.Day);
        Assert.Contains("\"Recovering\":\"True\"", ReadLogs(survivor == nodeA ? Path.Combine(temp.Path, "a") : Path.Combine(temp.Path, "b")), StringComparison.Ordinal);

        survivor.Terminate();
        Assert.True(survivor.WaitForExit(Limit), "the surviving node did not stop on SIGTERM");
    }

    private static List<Row> Read(string connection)
    {
        using var conn = new NpgsqlConnection(connection);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT stage, day, phase, pid FROM processed_days ORDER BY id";
        using var reader = cmd.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            rows.Add(new Row(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return rows;
    }

    private static string ReadLogs(string root)
    {
        var folder = Path.Combine(root, "state", "logs");
        return Directory.Exists(folder)
            ? string.Join('\n', Directory.GetFiles(folder, "*.jsonl").Select(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }))
            : string.Empty;
    }

    private sealed record Row(string Stage, DateOnly? Day, string Phase, int Pid);
}
