using DuckDB.NET.Data;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.DuckDb;
using TrendInsight.Ingest;
using TrendInsight.Reports.Model;
using TrendInsight.Reports.Rendering;

namespace TrendInsight.Reports;

/// <summary>
/// Fills a <see cref="TrendReport"/> from the marts the analysis wrote for the report date
/// (<c>lake/marts/&lt;mart&gt;/dt=D/</c>), the raw lake (data volume) and the ingest manifest (data quality).
/// A mart that is missing leaves its part of the report empty, which the renderers show as not enough data.
/// </summary>
internal sealed class MartReportLoader
{
    private readonly PipelineConfig config;
    private readonly DataLayout layout;
    private CommittedLake? committed;

    public MartReportLoader(PipelineConfig config, DataLayout layout)
    {
        this.config = config;
        this.layout = layout;
    }

    /// <summary>True when the analysis wrote topics for <paramref name="asOf"/>.</summary>
    public bool HasAnalysis(DateOnly asOf) => MartFiles("topics", asOf).Length > 0;

    public TrendReport Load(DateOnly asOf, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var a = config.Analysis;
        var r = config.Report;
        var recentStart = asOf.AddDays(-(a.RecentDays - 1));
        var baselineEnd = recentStart.AddDays(-1);
        var baselineStart = recentStart.AddDays(-a.BaselineDays);

        using var db = DuckDbDatabase.Open(null, new DuckDbConfig
        {
            Threads = config.Engine.Threads > 0 ? config.Engine.Threads : null,
            MemoryLimit = string.IsNullOrWhiteSpace(config.Engine.MemoryLimit) ? null : config.Engine.MemoryLimit,
        });
        using var conn = db.Connect();

        var volume = Volume(conn, baselineStart, asOf);
        cancellationToken.ThrowIfCancellationRequested();
        var hasBaseline = DaysWithRaw(baselineStart, baselineEnd) > 0;
        var report = new TrendReport(asOf, recentStart, hasBaseline ? baselineStart : null, hasBaseline ? baselineEnd : null)
        {
            GeneratedAt = generatedAt,
            ForecastInterval = a.ForecastInterval,
            Volume = volume,
            DataQuality = Quality(baselineStart, asOf),
        };

        var topicRows = Query(conn, "topics", asOf, [], rd => new TopicRow(
            rd.GetString("topic_id"), rd.GetString("name"), Int(rd, "rank"), rd.GetStringOrNull("stage"),
            Dbl(rd, "growth"), Dbl(rd, "growth_shrunk"), Dbl(rd, "z") ?? 0, Dbl(rd, "score"), Dbl(rd, "recent_total") ?? 0,
            Dbl(rd, "baseline_total") ?? 0, Lng(rd, "recent_search"), Lng(rd, "recent_content"), Lng(rd, "recent_comment"),
            Lng(rd, "recent_listings"), Flag(rd, "breakout")));
        if (topicRows.Count == 0)
        {
            return report;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var terms = Query(conn, "trends", asOf, [], rd => new TermRow(
            rd.GetString("term"), rd.GetStringOrNull("term_type"), rd.GetStringOrNull("topic_id"), Dbl(rd, "recent_total") ?? 0,
            Dbl(rd, "baseline_total") ?? 0, Dbl(rd, "growth"), Dbl(rd, "growth_shrunk"), Dbl(rd, "z") ?? 0, Flag(rd, "breakout"),
            Dbl(rd, "score"), Int(rd, "rank"), rd.GetStringOrNull("stage"), Lng(rd, "mentions"), Lng(rd, "recent_search"),
            Lng(rd, "recent_content"), Lng(rd, "recent_comment"), Lng(rd, "recent_listings"), rd.GetBoolean("generic")));
        var seriesFrom = asOf.AddDays(-(Math.Max(r.SeriesDays, a.RecentDays + a.BaselineDays) - 1));
        var daily = Query(conn, "topic_daily", asOf, [("from", seriesFrom)], rd => (Topic: rd.GetString("topic_id"), Day: rd.GetDate("day"),
            Index: Dbl(rd, "interest_index") ?? 0, Mentions: Lng(rd, "mentions"), Engagements: Lng(rd, "engagements"), Gmv: Dbl(rd, "gmv") ?? 0))
            .ToLookup(x => x.Topic, StringComparer.Ordinal);
        var forecastRows = Query(conn, "forecast", asOf, [], rd => (Topic: rd.GetString("topic_id"),
            Point: new ForecastPoint(rd.GetDate("day"), Dbl(rd, "yhat") ?? 0, Dbl(rd, "lo") ?? 0, Dbl(rd, "hi") ?? 0), Error: Dbl(rd, "backtest_mape"),
            Coverage: Dbl(rd, "backtest_coverage"), Informative: rd.GetBoolean("informative")));
        var forecast = forecastRows.ToLookup(x => x.Topic, x => x.Point, StringComparer.Ordinal);
        var forecastFit = forecastRows.GroupBy(x => x.Topic, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.First().Error, g.First().Coverage, g.First().Informative), StringComparer.Ordinal);
        var attributes = Query(conn, "topic_attributes", asOf, [], rd => (Topic: rd.GetString("topic_id"),
            Chip: new AttributeChip(rd.GetString("attribute_type"), rd.GetString("term"), Lng(rd, "co_docs"), Dbl(rd, "lift"))))
            .ToLookup(x => x.Topic, x => x.Chip, StringComparer.Ordinal);
        var segments = Query(conn, "topic_segments", asOf, [], rd => (Topic: rd.GetString("topic_id"),
            Skew: new SegmentSkew(rd.GetString("dimension"), rd.GetString("value"), Lng(rd, "activity"), Dbl(rd, "share") ?? 0, Dbl(rd, "tgi") ?? 0)
            { Leads = rd.GetBoolean("leads"), Z = Dbl(rd, "z") }))
            .ToLookup(x => x.Topic, x => x.Skew, StringComparer.Ordinal);
        var supply = Query(conn, "supply_gap", asOf, [], rd => (Topic: rd.GetString("topic_id"), DemandGrowth: Dbl(rd, "demand_growth"),
            SupplyGrowth: Dbl(rd, "supply_growth"), Listings: Lng(rd, "listings_recent"), ListingsBaseline: Dbl(rd, "listings_baseline") ?? 0,
            Opportunity: Dbl(rd, "opportunity_score") ?? 0, Gap: Flag(rd, "gap"), Reason: rd.GetStringOrNull("gap_reason"),
            Per1k: Dbl(rd, "listings_per_1k_demand"), Median: Dbl(rd, "median_listings_per_1k")))
            .GroupBy(x => x.Topic, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var movement = Query(conn, "topic_movement", asOf, [], rd => (Topic: rd.GetString("topic_id"), Movement: new ListMovement(
                Int(rd, "previous_rank"), Int(rd, "rank_change"), rd.IsNull("is_new") ? null : rd.GetBoolean("is_new"), Int(rd, "weeks_on_list"))))
            .GroupBy(x => x.Topic, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Movement, StringComparer.Ordinal);
        // A related term is a product or style phrase: a lexicon word, or a word that is not generic and
        // that product listings use (when the lake has listings at all); 色系, 攻略, 第一套 are neither.
        var lakeHasListings = topicRows.Any(t => t.RecentListings > 0);
        bool Specific(TermRow x, string topicName) =>
            x.Term == topicName || x.TermType is not null || (!x.Generic && (!lakeHasListings || x.RecentListings > 0));
        var evidence = Query(conn, "evidence", asOf, [], rd => (Topic: rd.GetString("topic_id"), Kind: rd.GetString("kind"), Id: rd.GetStringOrNull("id"),
            Text: rd.GetStringOrNull("text") ?? string.Empty, Likes: Lng(rd, "likes"), Engagement: Dbl(rd, "engagement") ?? 0))
            .ToLookup(x => x.Topic, StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();

        TopicTrend Build(TopicRow t, int rank)
        {
            var days = daily[t.TopicId].ToList();
            var recent = days.Where(d => d.Day >= recentStart && d.Day <= asOf).ToList();
            var baseline = days.Where(d => d.Day >= baselineStart && d.Day <= baselineEnd).ToList();
            var growthPct = GrowthPct(t.Growth, t.GrowthShrunk);
            var s = supply.GetValueOrDefault(t.TopicId);
            var ev = evidence[t.TopicId].ToList();
            var fit = forecastFit.GetValueOrDefault(t.TopicId);
            return new TopicTrend(rank, t.Name, Stage(t.Stage), growthPct, t.Z, t.RecentTotal)
            {
                Movement = movement.GetValueOrDefault(t.TopicId),
                Counts = new SignalCounts
                {
                    Searches = t.RecentSearch,
                    ContentMentions = t.RecentContent,
                    CommentMentions = t.RecentComment,
                    Engagements = recent.Sum(d => d.Engagements),
                    Gmv = (decimal)Math.Round(recent.Sum(d => d.Gmv), 2),
                },
                BaselineMentions = baseline.Sum(d => d.Mentions),
                Series = days.Where(d => d.Day >= asOf.AddDays(-(r.SeriesDays - 1)) && d.Day <= asOf)
                    .Select(d => new SeriesPoint(d.Day, d.Index, d.Mentions)).ToList(),
                Forecast = forecast[t.TopicId].ToList(),
                ForecastError = fit.Error,
                ForecastCoverage = fit.Coverage,
                ForecastInformative = fit == default || fit.Informative,
                RelatedTerms = terms.Where(x => x.TopicId == t.TopicId && Specific(x, t.Name))
                    .Take(r.RelatedTerms)
                    .Select(x => new RelatedTerm(x.Term, x.Mentions, GrowthPct(x.Growth, x.GrowthShrunk)))
                    .ToList(),
                Attributes = attributes[t.TopicId].ToList(),
                Segments = segments[t.TopicId].ToList(),
                Supply = s.Topic is null || s.DemandGrowth is not { } dg ? null : SupplyOf(dg, s.SupplyGrowth, s.Listings, s.ListingsBaseline, s.Opportunity) with
                {
                    IsGap = s.Gap,
                    Reason = s.Reason,
                    ListingsPer1kDemand = s.Per1k,
                    MedianListingsPer1k = s.Median,
                },
                Evidence = ev.Where(e => e.Kind == "comment").Take(r.EvidenceComments)
                    .Select(e => new EvidenceComment(PlainText.FromHtml(e.Text), e.Likes, e.Id, null)).ToList(),
                TopContent = ev.Where(e => e.Kind == "content").Take(r.TopContent)
                    .Select(e => new TopContent(e.Id ?? string.Empty, PlainText.FromHtml(e.Text), (long)Math.Round(e.Engagement), null)).ToList(),
            };
        }

        var rising = topicRows.Where(t => t.Rank is not null).OrderBy(t => t.Rank).Take(r.TopTopics).ToList();

        // Topics are clustered from rising terms, so a falling interest usually shows only as terms
        // with a negative score; falling topics come first when the analysis has any.
        var decliningRows = topicRows
            .Where(t => t.Rank is null && t.GrowthShrunk is < 1 && t.Z < 0)
            .OrderBy(t => t.Score ?? 0).ThenBy(t => t.Z)
            .Take(r.DecliningTopics)
            .ToList();
        var decliningTopics = decliningRows.Select((t, i) => Build(t, i + 1)).ToList();

        // A falling term that is a member of a falling topic is already listed under that topic.
        var decliningIds = decliningRows.Select(t => t.TopicId).ToHashSet();
        var decliningNames = decliningTopics.Select(t => t.Topic).ToHashSet(StringComparer.Ordinal);
        var decliningTerms = terms
            .Where(x => x.Score is < 0 && x.GrowthShrunk is < 1 && x.Z <= -a.MinZ && !x.Generic
                && !(x.TopicId is { } id && decliningIds.Contains(id)) && !decliningNames.Contains(x.Term))
            .OrderBy(x => x.Score)
            .Take(Math.Max(0, r.DecliningTopics - decliningTopics.Count))
            .ToList();
        var termDaily = TermDaily(conn, seriesFrom, asOf, decliningTerms.Select(x => x.Term).ToArray());
        var declining = decliningTopics.Concat(decliningTerms.Select((x, i) =>
        {
            var days = termDaily[x.Term].ToList();
            return new TopicTrend(decliningTopics.Count + i + 1, x.Term, Stage(x.Stage), GrowthPct(x.Growth, x.GrowthShrunk), x.Z, x.RecentTotal)
            {
                Counts = new SignalCounts
                {
                    Searches = x.RecentSearch,
                    ContentMentions = x.RecentContent,
                    CommentMentions = x.RecentComment,
                    Engagements = days.Where(d => d.Day >= recentStart).Sum(d => d.Engagements),
                    Gmv = (decimal)Math.Round(days.Where(d => d.Day >= recentStart).Sum(d => d.Gmv), 2),
                },
                BaselineMentions = days.Where(d => d.Day >= baselineStart && d.Day <= baselineEnd).Sum(d => d.Mentions),
                Series = days.Where(d => d.Day >= asOf.AddDays(-(r.SeriesDays - 1))).Select(d => new SeriesPoint(d.Day, d.Index, d.Mentions)).ToList(),
            };
        })).ToList();

        return report with
        {
            Topics = rising.Select((t, i) => Build(t, i + 1)).ToList(),
            Declining = declining,
            Breakouts = terms.Where(x => x.Breakout).OrderByDescending(x => x.RecentTotal).Take(r.Breakouts).Select(ToTerm).ToList(),
            Terms = terms.Where(x => x.Score is not null).Take(r.TermRows).Select(ToTerm).ToList(),
            NewWords = Query(conn, "new_words", asOf, [("limit", (long)r.Breakouts)], rd => new NewWord(
                rd.GetString("word"), Lng(rd, "freq"), Dbl(rd, "pmi"), Dbl(rd, "entropy"))).ToList(),
        };

        TermTrend ToTerm(TermRow x) => new(x.Term, x.Mentions, x.RecentTotal, x.BaselineTotal, GrowthPct(x.Growth, x.GrowthShrunk), x.Z)
        {
            Topic = x.TopicId is null ? null : topicRows.FirstOrDefault(t => t.TopicId == x.TopicId)?.Name,
            Type = x.TermType,
            Lifecycle = Stage(x.Stage),
            IsBreakout = x.Breakout,
            Score = x.Score ?? 0,
        };
    }

    private ILookup<string, (string Term, DateOnly Day, double Index, long Mentions, long Engagements, double Gmv)> TermDaily(
        DuckDBConnection conn, DateOnly from, DateOnly to, string[] terms)
    {
        var files = new List<string>();
        for (var d = from; d <= to && terms.Length > 0; d = d.AddDays(1))
        {
            files.AddRange(MartFiles("term_daily", d));
        }

        if (files.Count == 0)
        {
            return Array.Empty<(string Term, DateOnly Day, double Index, long Mentions, long Engagements, double Gmv)>()
                .ToLookup(x => x.Term, StringComparer.Ordinal);
        }

        try
        {
            return conn.Query(Sql("term_daily"), rd => (Term: rd.GetString("term"), Day: rd.GetDate("day"), Index: Dbl(rd, "interest_index") ?? 0,
                    Mentions: Lng(rd, "mentions"), Engagements: Lng(rd, "engagements"), Gmv: Dbl(rd, "gmv") ?? 0), ("files", files.ToArray()), ("terms", terms))
                .ToLookup(x => x.Term, StringComparer.Ordinal);
        }
        catch (DuckDbException ex)
        {
            throw new TrendInsightException(
                $"Reading mart term_daily ({Path.Combine(layout.Marts, "term_daily")}) with Sql/term_daily.sql failed: {ex.Message}", ex.IsTransient, ex);
        }
    }

    private static SupplyGap SupplyOf(double demandGrowth, double? supplyGrowth, long listings, double listingsBaseline, double opportunity)
    {
        var demandPct = (demandGrowth - 1) * 100;
        double? supplyPct = supplyGrowth is { } sg && listingsBaseline > 0 ? (sg - 1) * 100 : null;
        return new SupplyGap(demandPct, supplyPct, listings, opportunity);
    }

    /// <summary>Growth in percent: the shrunk ratio (small counts pulled to 1), null when there is no baseline.</summary>
    private static double? GrowthPct(double? growth, double? shrunk) =>
        growth is null ? null : ((shrunk ?? growth.Value) - 1) * 100;

    private static TopicLifecycle Stage(string? stage) => stage switch
    {
        "emerging" => TopicLifecycle.Emerging,
        "rising" => TopicLifecycle.Rising,
        "peaking" => TopicLifecycle.Peaking,
        "declining" => TopicLifecycle.Declining,
        "stable" => TopicLifecycle.Stable,
        _ => TopicLifecycle.Unknown,
    };

    private DataVolume Volume(DuckDBConnection conn, DateOnly from, DateOnly to)
    {
        long Sum(string feed, string statement)
        {
            var files = RawFiles(feed, from, to);
            return files.Length == 0 ? 0 : conn.Scalar<long>(Sql(statement), ("files", files));
        }

        return new DataVolume
        {
            DaysWithData = DaysWithRaw(from, to),
            Searches = Sum(Feeds.Search, "volume_sum"),
            Comments = Sum(Feeds.Comments, "volume_rows"),
            Engagements = Sum(Feeds.Engagement, "volume_sum"),
            Contents = Sum(Feeds.Content, "volume_rows"),
            Products = Sum(Feeds.Products, "volume_rows"),
        };
    }

    private int DaysWithRaw(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (Feeds.All.Any(f => Committed.Has(f, d)))
            {
                days++;
            }
        }

        return days;
    }

    private IReadOnlyList<FeedQuality> Quality(DateOnly from, DateOnly to)
    {
        var status = IngestStatus.Read(layout, lastRuns: 0);
        if (status is null)
        {
            return [];
        }

        return status.Feeds
            .OrderBy(f => Feeds.All.ToList().IndexOf(f.Feed) is var i && i < 0 ? int.MaxValue : i)
            .Select(f =>
            {
                var parts = status.Partitions.Where(p => p.Feed == f.Feed && p.Dt >= from && p.Dt <= to).ToList();
                return new FeedQuality(f.Feed, f.RowsRead, f.Accepted, f.Quarantined, f.Duplicates)
                {
                    Files = f.FilesProcessed,
                    PeriodRows = parts.Sum(p => p.LakeRows),
                    PeriodQuarantined = parts.Sum(p => p.QuarantineRows),
                };
            })
            .ToList();
    }

    /// <summary>The raw lake as the ingest manifest committed it; a folder glob would read files of uncommitted runs.</summary>
    private CommittedLake Committed => committed ??= CommittedLake.Load(layout);

    private string[] RawFiles(string feed, DateOnly from, DateOnly to)
    {
        var files = new List<string>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            files.AddRange(Committed.Partition(layout, feed, d));
        }

        return [.. files];
    }

    private string[] MartFiles(string mart, DateOnly asOf) =>
        PartitionFiles(Path.Combine(layout.Marts, mart, BusinessCalendar.Partition(asOf)));

    private static string[] PartitionFiles(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*.parquet").Order(StringComparer.Ordinal)] : [];

    private IReadOnlyList<T> Query<T>(DuckDBConnection conn, string mart, DateOnly asOf, (string Name, object? Value)[] extra, Func<DuckDBDataReader, T> map)
    {
        var files = MartFiles(mart, asOf);
        if (files.Length == 0)
        {
            return [];
        }

        try
        {
            return conn.Query(Sql(mart), map, [("files", files), .. extra]);
        }
        catch (DuckDbException ex)
        {
            throw new TrendInsightException(
                $"Reading mart {mart} for {BusinessCalendar.Format(asOf)} ({Path.GetDirectoryName(files[0])}) with Sql/{mart}.sql failed: {ex.Message}",
                ex.IsTransient, ex);
        }
    }

    private static string Sql(string name) =>
        EmbeddedText.Read(typeof(MartReportLoader).Assembly, "TrendInsight.Reports.Sql." + name + ".sql");

    private static double? Dbl(DuckDBDataReader r, string column) => r.GetOrdinal(column) is var i && r.IsDBNull(i) ? null : r.GetNumber(i);

    private static long Lng(DuckDBDataReader r, string column) => r.GetOrdinal(column) is var i && r.IsDBNull(i) ? 0 : r.GetInt64(i);

    private static int? Int(DuckDBDataReader r, string column) => r.GetOrdinal(column) is var i && r.IsDBNull(i) ? null : r.GetInt32(i);

    private static bool Flag(DuckDBDataReader r, string column) => r.GetOrdinal(column) is var i && !r.IsDBNull(i) && r.GetBoolean(i);

    private sealed record TopicRow(string TopicId, string Name, int? Rank, string? Stage, double? Growth, double? GrowthShrunk, double Z,
        double? Score, double RecentTotal, double BaselineTotal, long RecentSearch, long RecentContent, long RecentComment, long RecentListings, bool Breakout);

    private sealed record TermRow(string Term, string? TermType, string? TopicId, double RecentTotal, double BaselineTotal, double? Growth,
        double? GrowthShrunk, double Z, bool Breakout, double? Score, int? Rank, string? Stage, long Mentions, long RecentSearch,
        long RecentContent, long RecentComment, long RecentListings, bool Generic);
}
