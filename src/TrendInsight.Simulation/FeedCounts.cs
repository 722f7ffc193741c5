namespace TrendInsight.Simulation;

/// <summary>
/// Rows the simulator wrote for one feed. <see cref="Rows"/> = <see cref="GoodRows"/> +
/// <see cref="BadRows"/> + <see cref="Duplicates"/>; the file delivered twice is not included.
/// </summary>
public sealed record FeedCounts(string Feed, int Files, long Rows, long GoodRows, long BadRows, long Duplicates);
