namespace TrendInsight.Analysis;

/// <summary>One document to segment: a query, a comment, a piece of content or a product listing.</summary>
internal readonly record struct RawDocument(
    string DocId,
    string? Text,
    string?[]? Tags,
    long Mentions,
    long Likes,
    long Purchases,
    string? Category,
    string AgeBand,
    string Gender,
    string CityTier);
