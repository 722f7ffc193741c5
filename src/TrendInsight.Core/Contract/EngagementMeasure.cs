namespace TrendInsight.Core.Contract;

/// <summary>
/// One measure of engagement and its weight in engagement units. A weight below one is written as a divisor
/// (<c>plays / 100.0</c>), one as the measure itself, and above one as a factor (<c>3.0 * shares</c>), in C# and
/// SQL alike, so that both compute the same doubles.
/// </summary>
/// <param name="Name">The measure (a column of the term and topic marts).</param>
/// <param name="PerUnit">How many of it make one unit, when it weighs less than one (100 plays); else 1.</param>
/// <param name="Weight">Units one of it is worth, when it weighs one or more.</param>
public sealed record EngagementMeasure(string Name, int PerUnit, int Weight);
