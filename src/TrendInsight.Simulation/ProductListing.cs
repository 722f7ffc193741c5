namespace TrendInsight.Simulation;

/// <summary>A listing already published, kept for later snapshots (sales grow, price moves).</summary>
internal sealed class ProductListing
{
    public required string ProductId { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    public required string ShopId { get; init; }

    public required long PriceCents { get; set; }

    public long Sales { get; set; }
}
