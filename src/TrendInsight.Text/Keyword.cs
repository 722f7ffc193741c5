namespace TrendInsight.Text;

/// <summary>A keyword of a document with its TF-IDF weight (term frequency share × IDF).</summary>
public sealed record Keyword(string Word, double Weight);
