namespace TrendInsight.Scheduler;

/// <summary>The days a backfill ran and the days it skipped because they were done before.</summary>
public sealed record BackfillResult(IReadOnlyList<DateOnly> Done, IReadOnlyList<DateOnly> Skipped);
