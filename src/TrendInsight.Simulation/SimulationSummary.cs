namespace TrendInsight.Simulation;

/// <summary>What one simulation wrote, per feed, and where its ground truth is.</summary>
public sealed record SimulationSummary(
    DateOnly Start,
    DateOnly End,
    ulong Seed,
    IReadOnlyList<FeedCounts> Feeds,
    string GroundTruthPath)
{
    /// <summary>Rows written across all feeds (bad rows and duplicates included).</summary>
    public long TotalRows => Feeds.Sum(f => f.Rows);
}
