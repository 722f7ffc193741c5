namespace TrendInsight.Reports.Model;

/// <summary>A word found by new-word discovery: frequency, cohesion (PMI) and boundary entropy.</summary>
public sealed record NewWord(string Word, long Frequency, double? Cohesion, double? Entropy);
