namespace TrendInsight.Reports.Model;

/// <summary>
/// Is a topic's demand served by product listings: growth of demand against growth of listings, and the
/// level of listings per 1k demand against the typical topic. The figures are the <c>supply_gap</c> mart's.
/// </summary>
/// <param name="DemandGrowthPct">Growth of interest, percent.</param>
/// <param name="SupplyGrowthPct">Growth of matching listings, percent; null when there were none before.</param>
/// <param name="Listings">Matching listings in the recent window.</param>
/// <param name="Opportunity">
/// The opportunity score of the mart (<c>opportunity_score</c>): 0 unless <see cref="IsGap"/>; higher = demand
/// outruns supply more, in growth and in level. The one opportunity figure every format shows.
/// </param>
public sealed record SupplyGap(double DemandGrowthPct, double? SupplyGrowthPct, long Listings, double Opportunity)
{
    /// <summary>True when the mart judges the topic under-supplied (its <c>gap</c> column).</summary>
    public bool IsGap { get; init; }

    /// <summary>Why: <c>growth</c>, <c>level</c> or <c>growth_and_level</c>; null when there is no gap.</summary>
    public string? Reason { get; init; }

    /// <summary>Listings in the recent window per 1,000 units of demand (interest index); null without demand.</summary>
    public double? ListingsPer1kDemand { get; init; }

    /// <summary>The median of <see cref="ListingsPer1kDemand"/> over the analysis' top topics: the typical supply level.</summary>
    public double? MedianListingsPer1k { get; init; }
}
