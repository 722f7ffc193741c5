namespace TrendInsight.Reports.Model;

/// <summary>One forecast day: the expected interest index and its interval.</summary>
public sealed record ForecastPoint(DateOnly Date, double Mean, double Low, double High);
