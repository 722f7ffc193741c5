namespace TrendInsight.Simulation;

/// <summary>
/// What one simulation wrote, per feed, and where its ground truth is. <see cref="OtherFiles"/> lists
/// files already in the feed folders that this run did not write (an earlier run with other dates):
/// they are left alone, but ingest would read them too.
/// </summary>
public sealed record SimulationSummary(
    DateOnly Start,
    DateOnly End,
    ulong Seed,
    IReadOnlyList<FeedCounts> Feeds,
    string GroundTruthPath,
    IReadOnlyList<string> OtherFiles)
{
    /// <summary>Rows written across all feeds (bad rows and duplicates included).</summary>
    public long TotalRows => Feeds.Sum(f => f.Rows);
}
