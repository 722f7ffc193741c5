namespace TrendInsight.Reports.Model;

/// <summary>One topic (a cluster of terms) as the report shows it: rank, lifecycle, growth, evidence.</summary>
/// <param name="Rank">1 = the strongest riser.</param>
/// <param name="Topic">The topic's name: its leading term.</param>
/// <param name="Lifecycle">Lifecycle stage.</param>
/// <param name="GrowthPct">Growth of the recent window over the baseline, percent; null when there is no baseline.</param>
/// <param name="Significance">Poisson z-score of the change.</param>
/// <param name="InterestIndex">Interest index for the recent window (the parts are in <see cref="Counts"/>).</param>
public sealed record TopicTrend(int Rank, string Topic, TopicLifecycle Lifecycle, double? GrowthPct, double Significance, double InterestIndex)
{
    /// <summary>Movement against the previous report; null when the analysis wrote none.</summary>
    public ListMovement? Movement { get; init; }

    /// <summary>Absolute counts in the recent window.</summary>
    public SignalCounts Counts { get; init; } = new();

    /// <summary>Mentions in the baseline window.</summary>
    public long BaselineMentions { get; init; }

    /// <summary>Daily interest index, oldest first.</summary>
    public IReadOnlyList<SeriesPoint> Series { get; init; } = [];

    /// <summary>Forecast of the coming days with its interval.</summary>
    public IReadOnlyList<ForecastPoint> Forecast { get; init; } = [];

    /// <summary>Mean absolute percentage error of the forecast method on the topic's own recent past (0.2 = 20%).</summary>
    public double? ForecastError { get; init; }

    /// <summary>Share of backtest days inside the forecast interval (0.8 = 80%).</summary>
    public double? ForecastCoverage { get; init; }

    /// <summary>
    /// False when the forecast carries no useful information (its interval spans too many multiples of
    /// the level, or its backtest error is too large): the report then says so instead of drawing it.
    /// </summary>
    public bool ForecastInformative { get; init; } = true;

    /// <summary>The topic's terms and terms that co-occur with it.</summary>
    public IReadOnlyList<RelatedTerm> RelatedTerms { get; init; } = [];

    /// <summary>C2M attributes by lexicon type.</summary>
    public IReadOnlyList<AttributeChip> Attributes { get; init; } = [];

    /// <summary>TGI per segment (age_band, gender, city_tier); empty when the data carries no segments.</summary>
    public IReadOnlyList<SegmentSkew> Segments { get; init; } = [];

    /// <summary>Demand against supply; null when no listings mention the topic's terms.</summary>
    public SupplyGap? Supply { get; init; }

    /// <summary>The most-liked comments that mention the topic.</summary>
    public IReadOnlyList<EvidenceComment> Evidence { get; init; } = [];

    /// <summary>Content that mentions the topic, by engagement.</summary>
    public IReadOnlyList<TopContent> TopContent { get; init; } = [];
}
