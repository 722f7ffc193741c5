using Microsoft.Extensions.Logging;
using Quartz;

namespace TrendInsight.Scheduler.Jobs;

/// <summary>Writes the report as of yesterday (default Monday 08:00), analyzing the day first if that has not finished.</summary>
[DisallowConcurrentExecution]
public sealed class ReportJob : PipelineJobBase
{
    private readonly PipelineSteps _steps;

    public ReportJob(PipelineSteps steps, BackoffPolicy retry, TimeProvider clock, ILogger<ReportJob> logger)
        : base(retry, clock, logger)
    {
        _steps = steps;
    }

    protected override string Stage => PipelineSteps.ReportStage;

    protected override Task RunAsync(DateOnly day, int attempt, CancellationToken cancellationToken) =>
        _steps.ReportAsync(day, attempt, ensureAnalyzed: true, null, cancellationToken);
}
