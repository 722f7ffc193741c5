namespace TrendInsight.Reports.Model;

/// <summary>
/// Everything the merchandiser's report shows for one report date. The renderers (HTML, XLSX,
/// Markdown) take this model and nothing else, so the three formats always agree.
/// </summary>
/// <param name="AsOf">The report date: the last business day the scores include.</param>
/// <param name="RecentStart">First day of the recent window the growth is measured over.</param>
/// <param name="BaselineStart">First day of the baseline window; null when there is no baseline (a single day of data).</param>
/// <param name="BaselineEnd">Last day of the baseline window; null when there is no baseline.</param>
public sealed record TrendReport(DateOnly AsOf, DateOnly RecentStart, DateOnly? BaselineStart, DateOnly? BaselineEnd)
{
    /// <summary>The moment the report was generated (from the injected clock).</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>How much data the scores rest on.</summary>
    public DataVolume Volume { get; init; } = new();

    /// <summary>3–5 sentences of what changed most; written from the model when empty.</summary>
    public IReadOnlyList<string> Headlines { get; init; } = [];

    /// <summary>Rising topics, best first (rank 1 first).</summary>
    public IReadOnlyList<TopicTrend> Topics { get; init; } = [];

    /// <summary>Terms with no baseline that crossed the volume floor.</summary>
    public IReadOnlyList<TermTrend> Breakouts { get; init; } = [];

    /// <summary>Words found by new-word discovery, most frequent first.</summary>
    public IReadOnlyList<NewWord> NewWords { get; init; } = [];

    /// <summary>Topics losing interest, steepest decline first.</summary>
    public IReadOnlyList<TopicTrend> Declining { get; init; } = [];

    /// <summary>Scored terms for the XLSX terms sheet (rising and declining), by score.</summary>
    public IReadOnlyList<TermTrend> Terms { get; init; } = [];

    /// <summary>Rows read / accepted / quarantined / duplicates per feed over the period.</summary>
    public IReadOnlyList<FeedQuality> DataQuality { get; init; } = [];

    /// <summary>Coverage of the forecast interval (0.8 = 80%).</summary>
    public double ForecastInterval { get; init; } = 0.8;

    /// <summary>Number of days in the recent window (inclusive).</summary>
    public int RecentDays => AsOf.DayNumber - RecentStart.DayNumber + 1;

    /// <summary>True when the period holds no scored topic at all.</summary>
    public bool IsEmpty => Topics.Count == 0 && Declining.Count == 0 && Breakouts.Count == 0 && Terms.Count == 0;
}
