using Microsoft.Extensions.Logging;
using Quartz;

namespace TrendInsight.Scheduler.Jobs;

/// <summary>Analyzes yesterday (default daily 02:30), after making sure ingest has run since the day ended.</summary>
[DisallowConcurrentExecution]
public sealed class AnalyzeJob : PipelineJobBase
{
    private readonly PipelineSteps _steps;

    public AnalyzeJob(PipelineSteps steps, BackoffPolicy retry, TimeProvider clock, ILogger<AnalyzeJob> logger)
        : base(retry, clock, logger)
    {
        _steps = steps;
    }

    protected override string Stage => PipelineSteps.AnalyzeStage;

    protected override Task RunAsync(DateOnly day, int attempt, CancellationToken cancellationToken) =>
        _steps.AnalyzeAsync(day, attempt, ensureIngest: true, null, cancellationToken);
}
