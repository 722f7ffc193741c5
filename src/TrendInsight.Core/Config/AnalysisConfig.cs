namespace TrendInsight.Core.Config;

/// <summary>The <c>analysis:</c> section of <c>pipelines/trendinsight.yaml</c>: windows, weights, thresholds.</summary>
public sealed class AnalysisConfig
{
    /// <summary>Days in the recent window, ending at the analysis date.</summary>
    public int RecentDays { get; set; } = 7;

    /// <summary>Days in the baseline window, just before the recent window.</summary>
    public int BaselineDays { get; set; } = 28;

    /// <summary>Pseudo-count (index units) added to recent and expected totals before the growth ratio.</summary>
    public double PriorStrength { get; set; } = 50;

    /// <summary>Minimum recent interest (index units) for a term or topic to be scored.</summary>
    public double MinSupport { get; set; } = 30;

    /// <summary>Minimum days with activity in the recent window.</summary>
    public int MinActiveDays { get; set; } = 3;

    /// <summary>Recent interest a term with no baseline must reach to count as a breakout.</summary>
    public double BreakoutFloor { get; set; } = 100;

    /// <summary>Minimum Poisson z for a rank.</summary>
    public double MinZ { get; set; } = 3;

    /// <summary>Weekly relative change of the smoothed series that counts as rising (or, negated, declining).</summary>
    public double RiseSlope { get; set; } = 0.15;

    /// <summary>
    /// Generic-word filter of the rank: a term whose jieba IDF (idf.txt from jieba.NET) is below this does not rank
    /// unless it is a lexicon or discovered word (it stays in term_daily); 0 turns the filter off.
    /// 9.5 is about the 10th percentile of jieba's IDF table: the most common tenth of its words.
    /// </summary>
    public double IdfFloor { get; set; } = 9.5;

    /// <summary>Weights of the interest index parts.</summary>
    public InterestWeights Weights { get; set; } = new();

    /// <summary>How many of the top rising terms (and, apart, of the most falling terms) are clustered into topics.</summary>
    public int TopicCandidates { get; set; } = 300;

    /// <summary>Minimum similarity (shared documents ÷ documents of the smaller term) to link two terms.</summary>
    public double TopicMinSimilarity { get; set; } = 0.3;

    /// <summary>Minimum shared documents for a topic link or a C2M attribute.</summary>
    public int MinCoDocs { get; set; } = 5;

    /// <summary>Topics reported (by rank) in attributes, segments, supply gap, forecast and evidence.</summary>
    public int TopTopics { get; set; } = 50;

    /// <summary>A segment leads a topic when its share of the topic is at least this many times its share of all activity, significantly (z ≥ <see cref="MinZ"/>).</summary>
    public double SegmentLeadRatio { get; set; } = 1.2;

    /// <summary>Pseudo-count of product listings added to both windows before the supply growth ratio.</summary>
    public double ListingPrior { get; set; } = 3;

    /// <summary>Supply gap: demand growth ÷ supply growth, or the typical listings ÷ the topic's listings, at or above this ratio.</summary>
    public double GapRatio { get; set; } = 1.5;

    /// <summary>Days forecast ahead (14–28).</summary>
    public int HorizonDays { get; set; } = 21;

    /// <summary>Central coverage of the forecast interval.</summary>
    public double ForecastInterval { get; set; } = 0.8;

    /// <summary>Comments and content kept as evidence per topic.</summary>
    public int EvidencePerTopic { get; set; } = 5;

    /// <summary>Content/product categories a topic must touch to be ranked (empty: all).</summary>
    public List<string> Focus { get; set; } = [];

    /// <summary>Segmentation threads; 0 means all cores.</summary>
    public int SegmentThreads { get; set; }

    internal void Validate(List<string> errors)
    {
        Positive(errors, "analysis.recent_days", RecentDays);
        Positive(errors, "analysis.baseline_days", BaselineDays);
        Positive(errors, "analysis.topic_candidates", TopicCandidates);
        Positive(errors, "analysis.top_topics", TopTopics);
        Positive(errors, "analysis.evidence_per_topic", EvidencePerTopic);
        Positive(errors, "analysis.min_co_docs", MinCoDocs);
        if (PriorStrength < 0)
        {
            errors.Add("analysis.prior_strength must be ≥ 0");
        }

        if (ListingPrior <= 0)
        {
            errors.Add("analysis.listing_prior must be positive");
        }

        if (HorizonDays is < 1 or > 56)
        {
            errors.Add("analysis.horizon_days must be between 1 and 56");
        }

        if (ForecastInterval is <= 0 or >= 1)
        {
            errors.Add("analysis.forecast_interval must be between 0 and 1 (exclusive)");
        }

        if (TopicMinSimilarity is < 0 or > 1)
        {
            errors.Add("analysis.topic_min_similarity must be between 0 and 1");
        }

        if (IdfFloor < 0)
        {
            errors.Add("analysis.idf_floor must be ≥ 0");
        }

        if (RiseSlope <= 0)
        {
            errors.Add("analysis.rise_slope must be positive");
        }

        if (SegmentThreads < 0)
        {
            errors.Add("analysis.segment_threads must be 0 (all cores) or positive");
        }

        Weights.Validate(errors);
    }

    private static void Positive(List<string> errors, string key, int value)
    {
        if (value <= 0)
        {
            errors.Add($"{key} must be positive");
        }
    }
}
