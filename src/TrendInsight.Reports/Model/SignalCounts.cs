namespace TrendInsight.Reports.Model;

/// <summary>Absolute counts behind an interest index, always shown beside it.</summary>
public sealed record SignalCounts
{
    /// <summary>Search volume mentioning the topic.</summary>
    public long Searches { get; init; }

    /// <summary>Content (titles, tags) mentioning it.</summary>
    public long ContentMentions { get; init; }

    /// <summary>Comments mentioning it.</summary>
    public long CommentMentions { get; init; }

    /// <summary>Engagement actions on content that mentions it.</summary>
    public long Engagements { get; init; }

    /// <summary>GMV (CNY) on content that mentions it.</summary>
    public decimal Gmv { get; init; }

    /// <summary>Mentions of all kinds (search + content + comments).</summary>
    public long Mentions => Searches + ContentMentions + CommentMentions;
}
