using TrendInsight.Core;

namespace TrendInsight.Ingest.Validation;

/// <summary>The landing contract's required fields per feed (DESIGN.md): a columnar file without one of these columns is rejected whole.</summary>
internal static class RequiredFields
{
    public static IReadOnlyList<string> For(string feed) => feed switch
    {
        Feeds.Search => ["event_id", "ts", "query"],
        Feeds.Comments => ["event_id", "ts", "content_id", "text"],
        Feeds.Engagement => ["event_id", "ts", "content_id", "action"],
        Feeds.Content => ["content_id", "ts", "title"],
        Feeds.Products => ["product_id", "ts", "title"],
        _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, "not a feed"),
    };
}
