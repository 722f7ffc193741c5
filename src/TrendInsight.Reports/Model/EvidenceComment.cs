namespace TrendInsight.Reports.Model;

/// <summary>A highly liked comment that mentions a topic: the voice of the customer behind a number.</summary>
public sealed record EvidenceComment(string Text, long Likes, string? ContentId, DateOnly? Date);
