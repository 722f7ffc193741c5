using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Scheduler.State;
using TrendInsight.Scheduler.Tests.TestDoubles;

namespace TrendInsight.Scheduler.Tests;

public class BackfillRunnerTests
{
    private static readonly DateOnly From = new(2026, 11, 9);   // the week of 双11
    private static readonly DateOnly To = new(2026, 11, 13);

    private static (BackfillRunner Runner, RecordingStages Stages, CallLog Log, RunHistory History) Create(string root)
    {
        var log = new CallLog(Path.Combine(root, "calls.log"));
        var stages = new RecordingStages(log);
        var layout = new DataLayout(root);
        var history = RunHistory.ForLayout(layout, TimeProvider.System);
        var steps = new PipelineSteps(stages, stages, stages, history, layout, new ScheduleConfig(), TimeProvider.System);
        return (new BackfillRunner(steps), stages, log, history);
    }

    [Fact]
    public async Task RunAsync_CrashOnThirdDay_ResumesFromThatDay()
    {
        using var temp = new TempFolder();
        var (runner, stages, log, _) = Create(temp.Path);
        stages.Failures[("analyze", new DateOnly(2026, 11, 11))] = new Queue<Exception>([new IOException("lake/terms/dt=2026-11-11: disk full")]);

        await Assert.ThrowsAsync<IOException>(() => runner.RunAsync(From, To, force: false, withReport: true, null, CancellationToken.None));
        var (resumed, _, _, _) = Create(temp.Path);
        var result = await resumed.RunAsync(From, To, force: false, withReport: true, null, CancellationToken.None);

        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 10)], result.Skipped);
        Assert.Equal([new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 12), new DateOnly(2026, 11, 13)], result.Done);
        var analyzed = log.Read().Where(e => e is { Stage: "analyze", Phase: "end" }).Select(e => e.Day!.Value).ToList();
        Assert.Equal([From, From.AddDays(1), From.AddDays(2), From.AddDays(3), From.AddDays(4)], analyzed);
        var reported = log.Read().Where(e => e is { Stage: "report", Phase: "end" }).Select(e => e.Day!.Value).ToList();
        Assert.Equal(analyzed, reported);
    }

    [Fact]
    public async Task RunAsync_AllDone_SkipsEverythingUnlessForced()
    {
        using var temp = new TempFolder();
        var (runner, _, log, _) = Create(temp.Path);
        await runner.RunAsync(From, To, force: false, withReport: false, null, CancellationToken.None);

        var again = await runner.RunAsync(From, To, force: false, withReport: false, null, CancellationToken.None);
        Assert.Empty(again.Done);
        Assert.Equal(5, again.Skipped.Count);
        Assert.Equal(5, log.Read().Count(e => e is { Stage: "analyze", Phase: "end" }));

        var forced = await runner.RunAsync(From, To, force: true, withReport: false, null, CancellationToken.None);
        Assert.Equal(5, forced.Done.Count);
        Assert.Equal(10, log.Read().Count(e => e is { Stage: "analyze", Phase: "end" }));
    }

    [Fact]
    public async Task RunAsync_Days_InOrderWithoutIngestOrReportWhenNotAsked()
    {
        using var temp = new TempFolder();
        var (runner, _, log, _) = Create(temp.Path);
        var progress = new List<BackfillProgress>();
        await runner.RunAsync(From, To, force: false, withReport: false, new SyncProgress<BackfillProgress>(progress.Add), CancellationToken.None);

        Assert.DoesNotContain(log.Read(), e => e.Stage is "ingest" or "report");
        Assert.Equal(Enumerable.Range(0, 5).Select(From.AddDays), progress.Select(p => p.Day));
        Assert.Equal(5, progress[^1].Total);
    }

    [Fact]
    public async Task RunAsync_ToBeforeFrom_ThrowsNamingBothDates()
    {
        using var temp = new TempFolder();
        var (runner, _, _, _) = Create(temp.Path);
        var ex = await Assert.ThrowsAsync<TrendInsightException>(() => runner.RunAsync(To, From, false, false, null, CancellationToken.None));
        Assert.Contains("2026-11-09", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-13", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportAsync_DayNotAnalyzed_RunsIngestAndAnalyzeFirst()
    {
        using var temp = new TempFolder();
        var log = new CallLog(Path.Combine(temp.Path, "calls.log"));
        var stages = new RecordingStages(log);
        var layout = new DataLayout(temp.Path);
        var steps = new PipelineSteps(stages, stages, stages, RunHistory.ForLayout(layout, TimeProvider.System), layout, new ScheduleConfig(), TimeProvider.System);

        await steps.ReportAsync(From, 1, ensureAnalyzed: true, null, CancellationToken.None);
        await steps.ReportAsync(From, 1, ensureAnalyzed: true, null, CancellationToken.None);

        var order = log.Read().Where(e => e.Phase == "end").Select(e => e.Stage).ToList();
        Assert.Equal(["ingest", "analyze", "report", "report"], order);
    }

    private sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}
