namespace TrendInsight.Reports.Model;

/// <summary>The data behind a report: events per feed in the report period (recent and baseline windows).</summary>
public sealed record DataVolume
{
    /// <summary>Days in the period that hold any data.</summary>
    public int DaysWithData { get; init; }

    /// <summary>Search volume (sum of <c>count</c>).</summary>
    public long Searches { get; init; }

    /// <summary>Comments.</summary>
    public long Comments { get; init; }

    /// <summary>Engagement actions (sum of <c>count</c>).</summary>
    public long Engagements { get; init; }

    /// <summary>Content items published.</summary>
    public long Contents { get; init; }

    /// <summary>Product listings.</summary>
    public long Products { get; init; }

    /// <summary>All events together.</summary>
    public long Total => Searches + Comments + Engagements + Contents + Products;
}
