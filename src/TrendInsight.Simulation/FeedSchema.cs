using TrendInsight.Core;

namespace TrendInsight.Simulation;

/// <summary>The columns the simulator writes for one feed (the landing contract's fields), in file order.</summary>
internal sealed class FeedSchema
{
    private FeedSchema(string feed, string[] columns, string[] numeric)
    {
        Feed = feed;
        Columns = columns;
        IsNumeric = columns.Select(c => numeric.Contains(c, StringComparer.Ordinal)).ToArray();
    }

    public string Feed { get; }

    public string[] Columns { get; }

    public bool[] IsNumeric { get; }

    public static FeedSchema Search { get; } = new(Feeds.Search,
        ["event_id", "ts", "query", "count", "user_id", "age_band", "gender", "city_tier", "platform"], ["count"]);

    public static FeedSchema Comments { get; } = new(Feeds.Comments,
        ["event_id", "ts", "content_id", "text", "likes", "user_id", "age_band", "gender", "city_tier", "platform"], ["likes"]);

    public static FeedSchema Engagement { get; } = new(Feeds.Engagement,
        ["event_id", "ts", "content_id", "action", "count", "gmv", "user_id", "age_band", "gender", "city_tier", "platform"], ["count", "gmv"]);

    public static FeedSchema Content { get; } = new(Feeds.Content,
        ["content_id", "ts", "title", "tags", "author_id", "category", "platform"], []);

    public static FeedSchema Products { get; } = new(Feeds.Products,
        ["product_id", "ts", "title", "category", "price", "sales", "shop_id"], ["price", "sales"]);

    public int Index(string column)
    {
        var i = Array.IndexOf(Columns, column);
        if (i < 0)
        {
            throw new InvalidOperationException($"Feed {Feed} has no column {column}.");
        }

        return i;
    }
}
