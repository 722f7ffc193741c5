namespace TrendInsight.Core.Pipeline;

/// <summary>Progress of a long stage: <paramref name="Done"/> of <paramref name="Total"/> units (0 when unknown).</summary>
public sealed record StageProgress(string Stage, string Message, long Done = 0, long Total = 0);
