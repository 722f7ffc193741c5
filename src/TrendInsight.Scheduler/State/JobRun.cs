namespace TrendInsight.Scheduler.State;

/// <summary>One recorded run of a stage (ingest, analyze, report), by the scheduler, <c>run</c> or <c>backfill</c>.</summary>
public sealed record JobRun(
    string Job,
    DateOnly? Day,
    int Attempt,
    string Instance,
    DateTimeOffset StartedUtc,
    DateTimeOffset? EndedUtc,
    string Outcome,
    string? Error)
{
    /// <summary>Wall time of a finished run.</summary>
    public TimeSpan? Duration => EndedUtc - StartedUtc;
}
