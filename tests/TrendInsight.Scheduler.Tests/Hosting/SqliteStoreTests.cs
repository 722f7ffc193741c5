using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Scheduler.State;
using TrendInsight.Scheduler.Tests.TestDoubles;

namespace TrendInsight.Scheduler.Tests.Hosting;

/// <summary>The host on its SQLite job store in data/state: schedules and owed firings survive restarts.</summary>
public class SqliteStoreTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Restart_SameStoreFile_SchedulesStillThereAndFiring()
    {
        using var temp = new TempFolder();
        var log = new CallLog(Path.Combine(temp.Path, "calls.log"));
        var stages = new RecordingStages(log);
        var settings = TestHost.Settings(temp.Path) with { IngestCron = "0/1 * * * * ?" };

        using (var host = TestHost.Build(settings, stages))
        {
            await host.StartAsync();
            Assert.True(await Wait.UntilAsync(() => log.Read().Count(e => e is { Stage: "ingest", Phase: "end" }) >= 1, Limit), "ingest never ran on the first start");
            await host.StopAsync();
        }

        var stored = await JobStoreInspector.TriggersAsync(settings, CancellationToken.None);
        Assert.Equal(["analyze", "ingest", "report"], stored.Select(t => t.Job).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("0/1 * * * * ?", stored.Single(t => t.Job == "ingest").Cron);
        var before = log.Read().Count(e => e is { Stage: "ingest", Phase: "end" });

        // The second host registers nothing: whatever fires comes from the store file.
        using (var host = TestHost.Build(settings with { RegisterSchedules = false }, stages))
        {
            await host.StartAsync();
            Assert.True(await Wait.UntilAsync(() => log.Read().Count(e => e is { Stage: "ingest", Phase: "end" }) > before, Limit), "ingest did not fire after the restart");
            await host.StopAsync();
        }

        var after = await JobStoreInspector.TriggersAsync(settings, CancellationToken.None);
        Assert.Equal(3, after.Count);
        Assert.All(after, t => Assert.NotNull(t.NextFireUtc));
    }

    [Fact]
    public async Task Restart_DailyRunMissedWhileDown_FiresOnceOnStart()
    {
        using var temp = new TempFolder();
        var log = new CallLog(Path.Combine(temp.Path, "calls.log"));
        var stages = new RecordingStages(log);
        var settings = TestHost.Settings(temp.Path) with { AnalyzeCron = new ScheduleConfig().AnalyzeCron };

        using (var host = TestHost.Build(settings, stages))
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        // The host was down for three days: the stored next fire time of the daily trigger lies in the past.
        var missed = DateTimeOffset.UtcNow.AddDays(-3);
        SetNextFireTime(settings.SqliteFile, "analyze-cron", missed);
        Assert.Empty(log.Read());

        using (var host = TestHost.Build(settings, stages))
        {
            await host.StartAsync();
            Assert.True(await Wait.UntilAsync(() => log.Read().Any(e => e is { Stage: "analyze", Phase: "end" }), Limit), "the missed analyze did not fire on start");

            // Give a second firing every chance to happen before counting.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await host.StopAsync();
        }

        var analyzed = log.Read().Where(e => e is { Stage: "analyze", Phase: "end" }).ToList();
        Assert.Single(analyzed);
        Assert.Equal(BusinessCalendar.Yesterday(TimeProvider.System), analyzed[0].Day);

        var trigger = (await JobStoreInspector.TriggersAsync(settings, CancellationToken.None)).Single(t => t.Job == "analyze");
        Assert.True(trigger.NextFireUtc > DateTimeOffset.UtcNow, "the daily trigger should proceed to its next regular time");
        var local = TimeZoneInfo.ConvertTime(trigger.NextFireUtc!.Value, BusinessCalendar.Zone);
        Assert.Equal(new TimeOnly(2, 30), TimeOnly.FromDateTime(local.DateTime));
    }

    [Fact]
    public async Task Job_TransientFailure_RetriedWithBackoffThenSucceeds()
    {
        using var temp = new TempFolder();
        var log = new CallLog(Path.Combine(temp.Path, "calls.log"));
        var stages = new RecordingStages(log);
        var config = new ScheduleConfig { RetryDelaySeconds = 1, MaxRetryDelaySeconds = 2, MaxAttempts = 3 };
        var settings = TestHost.Settings(temp.Path, config) with { AnalyzeCron = "0/1 * * * * ?" };
        var firstDay = BusinessCalendar.Yesterday(TimeProvider.System);
        stages.Failures[("analyze", firstDay)] = new Queue<Exception>([new TrendInsightException("data/warehouse.duckdb: database is locked", isTransient: true)]);
        stages.Failures[("analyze", firstDay.AddDays(-1))] = new Queue<Exception>();

        using (var host = TestHost.Build(settings, stages))
        {
            await host.StartAsync();
            Assert.True(await Wait.UntilAsync(() => log.Read().Any(e => e is { Stage: "analyze", Phase: "end" }), Limit), "analyze never succeeded");
            await host.StopAsync();
        }

        var history = RunHistory.ForLayout(settings.Layout, TimeProvider.System).LastRuns(50).Where(r => r.Job == "analyze").Reverse().ToList();
        Assert.Equal(RunOutcome.Retrying, history[0].Outcome);
        Assert.Contains("database is locked", history[0].Error, StringComparison.Ordinal);
        Assert.Contains(history, r => r.Outcome == RunOutcome.Succeeded);
    }

    [Fact]
    public async Task Job_FatalFailure_LoggedWithDayAndReasonAndScheduleGoesOn()
    {
        using var temp = new TempFolder();
        var log = new CallLog(Path.Combine(temp.Path, "calls.log"));
        var stages = new RecordingStages(log);
        var settings = TestHost.Settings(temp.Path) with { AnalyzeCron = "0/1 * * * * ?" };
        var day = BusinessCalendar.Yesterday(TimeProvider.System);
        stages.Failures[("analyze", day)] = new Queue<Exception>([new TrendInsightException("lake/raw/comments/dt=2026-11-11/part-0.parquet: 評論 column missing")]);

        using (var host = TestHost.Build(settings, stages))
        {
            await host.StartAsync();
            Assert.True(await Wait.UntilAsync(() => log.Read().Count(e => e is { Stage: "analyze", Phase: "start" }) >= 2, Limit), "the trigger stopped after a fatal failure");
            await host.StopAsync();
        }

        var runs = RunHistory.ForLayout(settings.Layout, TimeProvider.System).LastRuns(50).Where(r => r.Job == "analyze").Reverse().ToList();
        Assert.Equal(RunOutcome.Failed, runs[0].Outcome);
        Assert.Equal(day, runs[0].Day);
        Assert.Contains("評論 column missing", runs[0].Error, StringComparison.Ordinal);
        Assert.Contains(runs.Skip(1), r => r.Outcome == RunOutcome.Succeeded);

        var logFile = Directory.GetFiles(settings.LogFolder, "scheduler-*.jsonl").Single();
        var lines = File.ReadAllLines(logFile);
        Assert.Contains(lines, l => l.Contains("\"Day\":\"" + BusinessCalendar.Format(day) + "\"", StringComparison.Ordinal)
                                    && l.Contains("評論 column missing", StringComparison.Ordinal)
                                    && l.Contains("\"level\":\"Error\"", StringComparison.Ordinal));
    }

    private static void SetNextFireTime(string storeFile, string trigger, DateTimeOffset at)
    {
        using var conn = new SqliteConnection($"Data Source={storeFile}");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $t WHERE TRIGGER_NAME = $n";
        cmd.Parameters.AddWithValue("$t", at.UtcTicks);
        cmd.Parameters.AddWithValue("$n", trigger);
        Assert.Equal(1, cmd.ExecuteNonQuery());
    }
}
