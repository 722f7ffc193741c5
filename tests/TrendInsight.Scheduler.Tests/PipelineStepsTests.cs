using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Scheduler.State;
using TrendInsight.Scheduler.Tests.TestDoubles;

namespace TrendInsight.Scheduler.Tests;

public class PipelineStepsTests
{
    private static readonly DateOnly Day = new(2026, 11, 11);

    [Theory]
    [InlineData(true, 1, RunOutcome.Retrying)]
    [InlineData(true, 3, RunOutcome.Failed)]
    [InlineData(false, 1, RunOutcome.Failed)]
    public async Task AnalyzeAsync_TransientFailure_RecordedAsRetryingOnlyWhenARetryFollows(bool retries, int attempt, string expected)
    {
        using var temp = new TempFolder();
        var stages = new RecordingStages(new CallLog(Path.Combine(temp.Path, "calls.log")));
        stages.Failures[("analyze", Day)] = new Queue<Exception>([new TrendInsightException("data/warehouse.duckdb: Could not set lock on file", isTransient: true)]);
        var layout = new DataLayout(temp.Path);
        var history = RunHistory.ForLayout(layout, TimeProvider.System);
        var steps = new PipelineSteps(stages, stages, stages, history, layout, new ScheduleConfig { MaxAttempts = 3 }, TimeProvider.System)
        {
            RetriesTransientFailures = retries,
        };

        await Assert.ThrowsAsync<TrendInsightException>(() => steps.AnalyzeAsync(Day, attempt, ensureIngest: false, null, CancellationToken.None));

        var run = Assert.Single(history.LastRuns(10));
        Assert.Equal(expected, run.Outcome);
        Assert.Equal(Day, run.Day);
        Assert.Equal(attempt, run.Attempt);
        Assert.Contains("Could not set lock", run.Error, StringComparison.Ordinal);
        Assert.False(history.IsDone(PipelineSteps.AnalyzeStage, Day));
    }

    [Fact]
    public async Task AnalyzeAsync_IngestRanAfterTheDayEnded_DoesNotIngestAgain()
    {
        using var temp = new TempFolder();
        var log = new CallLog(Path.Combine(temp.Path, "calls.log"));
        var stages = new RecordingStages(log);
        var layout = new DataLayout(temp.Path);
        var steps = new PipelineSteps(stages, stages, stages, RunHistory.ForLayout(layout, TimeProvider.System), layout, new ScheduleConfig(), TimeProvider.System);

        await steps.AnalyzeAsync(Day, 1, ensureIngest: true, null, CancellationToken.None);
        await steps.AnalyzeAsync(Day, 1, ensureIngest: true, null, CancellationToken.None);

        Assert.Equal(["ingest", "analyze", "analyze"], log.Read().Where(e => e.Phase == "end").Select(e => e.Stage));
    }
}
