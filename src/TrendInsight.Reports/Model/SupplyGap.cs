namespace TrendInsight.Reports.Model;

/// <summary>Demand growth against the growth of product listings that mention the topic.</summary>
/// <param name="DemandGrowthPct">Growth of interest, percent.</param>
/// <param name="SupplyGrowthPct">Growth of matching listings, percent; null when there were none before.</param>
/// <param name="Listings">Matching listings in the recent window.</param>
/// <param name="Gap">Opportunity figure: demand growth minus supply growth, in percentage points.</param>
public sealed record SupplyGap(double DemandGrowthPct, double? SupplyGrowthPct, long Listings, double Gap)
{
    /// <summary>Opportunity score of the analysis (0 = none; higher = demand outruns supply more).</summary>
    public double? Opportunity { get; init; }

    /// <summary>True when demand grows at least <c>analysis.gap_ratio</c> times faster than supply.</summary>
    public bool IsGap { get; init; }
}
