namespace TrendInsight.Reports.Model;

/// <summary>
/// A C2M attribute term that co-occurs with a topic. <paramref name="Type"/> is the lexicon type:
/// style, material, colour, scene, category or crowd.
/// </summary>
/// <param name="Type">Lexicon type: style, material, colour, scene, category or crowd.</param>
/// <param name="Term">The attribute term.</param>
/// <param name="Count">Co-occurrences with the topic in the recent window.</param>
/// <param name="Lift">Co-occurrence against chance (1 = as often as expected); null when unknown.</param>
public sealed record AttributeChip(string Type, string Term, long Count, double? Lift);
