namespace TrendInsight.Reports.Model;

/// <summary>A scored term: recent interest against its baseline, growth and significance.</summary>
/// <param name="Term">The normalised term.</param>
/// <param name="Recent">Mentions (search + content + comments) in the recent window.</param>
/// <param name="RecentIndex">Interest index summed over the recent window.</param>
/// <param name="BaselineIndex">Interest index summed over the baseline window.</param>
/// <param name="GrowthPct">Growth of the recent window over the baseline, percent; null for a breakout (no baseline).</param>
/// <param name="Significance">Poisson z-score of the change.</param>
public sealed record TermTrend(string Term, long Recent, double RecentIndex, double BaselineIndex, double? GrowthPct, double Significance)
{
    /// <summary>The topic the term belongs to, when it is clustered into one.</summary>
    public string? Topic { get; init; }

    /// <summary>Lexicon type (style, material …) when the term is in the lexicon.</summary>
    public string? Type { get; init; }

    /// <summary>Lifecycle stage.</summary>
    public TopicLifecycle Lifecycle { get; init; }

    /// <summary>True when the term had no baseline and crossed the volume floor.</summary>
    public bool IsBreakout { get; init; }

    /// <summary>Trend score the terms are ranked by.</summary>
    public double Score { get; init; }
}
