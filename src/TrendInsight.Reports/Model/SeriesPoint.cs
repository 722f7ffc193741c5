namespace TrendInsight.Reports.Model;

/// <summary>One day of an interest series: the index and the mentions behind it.</summary>
public sealed record SeriesPoint(DateOnly Date, double Index, long Mentions);
