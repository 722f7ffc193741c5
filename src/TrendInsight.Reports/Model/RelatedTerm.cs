namespace TrendInsight.Reports.Model;

/// <summary>A term of a topic (or one that co-occurs with it), with its mentions and growth.</summary>
public sealed record RelatedTerm(string Term, long Mentions, double? GrowthPct);
