namespace TrendInsight.Analysis;

/// <summary>One ranked topic of an analysis, as the CLI summary shows it.</summary>
public sealed record TopTopic(
    int Rank,
    string Name,
    string Stage,
    double Score,
    double GrowthShrunk,
    double Z,
    double RecentTotal,
    long RecentSearch,
    long RecentContent,
    long RecentComment,
    IReadOnlyList<string> Members);
