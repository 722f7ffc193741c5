namespace TrendInsight.Scheduler;

/// <summary>One day of a backfill finished (or was skipped as done before).</summary>
public sealed record BackfillProgress(DateOnly Day, int Index, int Total, bool Skipped);
