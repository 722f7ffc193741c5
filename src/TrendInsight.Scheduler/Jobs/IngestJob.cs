using Microsoft.Extensions.Logging;
using Quartz;

namespace TrendInsight.Scheduler.Jobs;

/// <summary>Ingests new landing files (default every 5 minutes).</summary>
[DisallowConcurrentExecution]
public sealed class IngestJob : PipelineJobBase
{
    private readonly PipelineSteps _steps;

    public IngestJob(PipelineSteps steps, BackoffPolicy retry, TimeProvider clock, ILogger<IngestJob> logger)
        : base(retry, clock, logger)
    {
        _steps = steps;
    }

    protected override string Stage => PipelineSteps.IngestStage;

    protected override Task RunAsync(DateOnly day, int attempt, CancellationToken cancellationToken) =>
        _steps.IngestAsync(attempt, null, cancellationToken);
}
