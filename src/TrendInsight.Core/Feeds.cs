namespace TrendInsight.Core;

/// <summary>The five feeds of the landing contract.</summary>
public static class Feeds
{
    public const string Search = "search";
    public const string Comments = "comments";
    public const string Engagement = "engagement";
    public const string Content = "content";
    public const string Products = "products";

    public static IReadOnlyList<string> All { get; } = [Search, Comments, Engagement, Content, Products];
}
