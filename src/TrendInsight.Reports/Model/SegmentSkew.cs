namespace TrendInsight.Reports.Model;

/// <summary>
/// Audience skew of a topic in one segment: TGI = the segment's share of the topic ÷ its share of all
/// activity × 100 (100 = average, above 100 = over-represented).
/// </summary>
/// <param name="Dimension">age_band, gender or city_tier.</param>
/// <param name="Segment">The segment value as in the lake (18-23, f, new1 …).</param>
/// <param name="Count">Activity of the segment on the topic.</param>
/// <param name="Share">The segment's share of the topic (0–1).</param>
/// <param name="Tgi">Target group index.</param>
public sealed record SegmentSkew(string Dimension, string Segment, long Count, double Share, double Tgi)
{
    /// <summary>True when the mart says the segment leads the topic (significantly over-represented: <c>topic_segments.leads</c>).</summary>
    public bool Leads { get; init; }

    /// <summary>Binomial z of the segment's share of the topic against its share of all activity.</summary>
    public double? Z { get; init; }
}
