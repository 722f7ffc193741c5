namespace TrendInsight.Simulation;

/// <summary>A segment that leads a topic: <paramref name="Share"/> of the topic's rows come from it.</summary>
internal sealed record SegmentSkew(string AgeBand, string Gender, string CityTier, double Share);
