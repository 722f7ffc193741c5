namespace TrendInsight.Ingest.Check;

/// <summary>A segment value outside the contract that accepted rows of one file would keep as <c>unknown</c>.</summary>
/// <param name="Field">age_band, gender or city_tier.</param>
/// <param name="Value">The value as delivered.</param>
/// <param name="Rows">How many rows of the file hold it.</param>
public sealed record UnknownSegment(string Field, string Value, long Rows);
