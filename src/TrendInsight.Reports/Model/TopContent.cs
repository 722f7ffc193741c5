namespace TrendInsight.Reports.Model;

/// <summary>Content that mentions a topic, by engagement.</summary>
public sealed record TopContent(string ContentId, string Title, long Engagements, string? Platform);
