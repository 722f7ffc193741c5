using DuckDB.NET.Data;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.DuckDb;
using TrendInsight.Text;

namespace TrendInsight.Analysis;

/// <summary>
/// Terms, daily series, trend scores, topics, C2M attributes, segments, supply gap, forecast and
/// evidence as of a date; writes <c>lake/terms</c> and <c>lake/marts</c> and refreshes the views of
/// <c>warehouse.duckdb</c>. The CLI's <c>analyze</c> and the scheduler's analyze job call it.
/// </summary>
public sealed class AnalyzeService : IAnalyzeService
{
    /// <summary>The marts written per analysis date, in the order they are written.</summary>
    public static IReadOnlyList<string> AsOfMarts { get; } =
        ["trends", "topic_daily", "topics", "topic_attributes", "topic_segments", "supply_gap", "forecast", "evidence", "new_words", "topic_movement"];

    /// <summary>The stage that scores terms on the per-day rollups (<c>term_daily</c>, <c>segment_daily</c>, <c>source_daily</c>).</summary>
    public const string ScoringStage = "scoring on the rollups";

    /// <summary>Weekly analyses looked back on for the weeks a topic has been on the list.</summary>
    private const int MovementWeeks = 26;

    /// <summary>Lines of each text feed that new-word discovery reads.</summary>
    private const int NewWordCorpusLines = 100_000;

    /// <summary>Days of earlier analyses a topic is tracked across: one that drops out for a few days keeps its id.</summary>
    private const int TrackingLookBackDays = 7;

    private readonly PipelineConfig _config;
    private readonly ILogger _log;
    private readonly Func<string, TermExtractor> _extractorFactory;
    private readonly Lazy<SqlModels> _sql;
    private readonly string _lexiconFolder;
    private TermExtractor? _extractor;

    /// <summary>Creates the service; dictionaries are loaded on the first run that has terms to build.</summary>
    public AnalyzeService(PipelineConfig config, TimeProvider clock, ILoggerFactory? loggerFactory = null)
        : this(config, clock, loggerFactory, TextResources.DefaultLexiconFolder, null)
    {
    }

    internal AnalyzeService(PipelineConfig config, TimeProvider clock, ILoggerFactory? loggerFactory, string lexiconFolder, string? sqlFolder)
    {
        _lexiconFolder = lexiconFolder;
        _config = config;
        _ = clock;
        _log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AnalyzeService>();
        _extractorFactory = cacheFolder => TextResources.LoadExtractor(config.Text, lexiconFolder, cacheFolder);
        _sql = new Lazy<SqlModels>(() => SqlModels.Load(sqlFolder));
    }

    /// <summary>Documents segmented per parallel batch (small in tests, to cover many batches a day).</summary>
    internal int SegmentBatchSize { get; set; } = TermBuilder.DefaultBatchSize;

    /// <summary>Wall time the last run spent in the segmenter alone (cutting the days it built into terms, on all cores).</summary>
    public TimeSpan LastSegmentationTime { get; private set; }

    /// <summary>Days whose terms were (re)built by the last run.</summary>
    public IReadOnlyList<DateOnly> LastBuiltDays { get; private set; } = [];

    /// <inheritdoc />
    public Task<AnalyzeSummary> AnalyzeAsync(DataLayout layout, DateOnly asOf, IProgress<StageProgress>? progress, CancellationToken cancellationToken) =>
        Task.Run(() => Analyze(layout, asOf, progress, cancellationToken), cancellationToken);

    /// <summary>The top ranked topics of an analysis already written for <paramref name="asOf"/>.</summary>
    public IReadOnlyList<TopTopic> TopTopics(DataLayout layout, DateOnly asOf, int count)
    {
        var files = LakeFiles.Partition(Path.Combine(layout.Marts, "topics"), asOf);
        if (files.Length == 0)
        {
            return [];
        }

        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 });
        using var conn = db.Connect();
        return conn.Query(_sql.Value.LoadStatement("top_topics"), r => new TopTopic(
            r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetNumber(3), r.GetNumber(4), r.GetNumber(5), r.GetNumber(6),
            r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), [.. r.GetStringList(10).Select(s => s ?? string.Empty)]), ("files", files), ("count", (long)count));
    }

    /// <summary>The last business day any feed has committed rows for in the lake of <paramref name="layout"/>; null when none has.</summary>
    public static DateOnly? LastDataDay(DataLayout layout) => LastDataDay(CommittedLake.Load(layout));

    /// <summary>
    /// Fails, naming the last day with data, when [<paramref name="from"/>, <paramref name="to"/>] ends after
    /// the lake's data does: an analysis of days with no data would write empty marts that look like a result.
    /// </summary>
    public static void EnsureData(DataLayout layout, DateOnly from, DateOnly to) => EnsureData(CommittedLake.Load(layout), from, to);

    private static DateOnly? LastDataDay(CommittedLake committed) => committed.Files.Count == 0 ? null : committed.Files.Max(f => f.Dt);

    private static void EnsureData(CommittedLake committed, DateOnly from, DateOnly to)
    {
        var last = LastDataDay(committed);
        var asked = from == to ? BusinessCalendar.Format(to) : $"{BusinessCalendar.Format(from)} … {BusinessCalendar.Format(to)}";
        if (last is null)
        {
            throw new TrendInsightException($"cannot analyze {asked}: the lake holds no data yet; run `trendinsight ingest` first");
        }

        if (to > last)
        {
            var lastDay = BusinessCalendar.Format(last.Value);
            throw new TrendInsightException(
                $"cannot analyze {asked}: the last day with data in the lake is {lastDay}; analyze a day up to {lastDay}, or ingest newer landing files first");
        }
    }

    private AnalyzeSummary Analyze(DataLayout layout, DateOnly asOf, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var cfg = _config.Analysis;
        var sql = _sql.Value;
        var from = asOf.AddDays(-(cfg.RecentDays + cfg.BaselineDays - 1));
        var recentStart = asOf.AddDays(-(cfg.RecentDays - 1));

        // Raw data is read through the manifest's committed list, never a folder glob.
        var committed = CommittedLake.Load(layout);
        EnsureData(committed, asOf, asOf);
        var missing = committed.Missing(layout, Min(from, asOf.AddDays(-90)), asOf);
        if (missing.Count > 0)
        {
            var named = string.Join(", ", missing.Take(3).Select(m => m.Path)) + (missing.Count > 3 ? ", …" : string.Empty);
            throw new TrendInsightException(string.Create(CultureInfo.InvariantCulture,
                $"{missing.Count} committed lake files of the days analysed are missing or changed ({named}); run `trendinsight verify`, then `trendinsight repair --reingest`"));
        }

        using var db = DuckDbDatabase.Open(null, EngineSettings(layout));
        using var conn = db.Connect();
        using var readConn = db.Connect();
        conn.Execute(sql.Tables());
        WriteParams(conn, asOf);

        // 1. terms and per-day marts of the days whose raw input changed
        progress?.Report(new StageProgress("analyze", "checking terms", 0, 0));
        var threads = cfg.SegmentThreads > 0 ? cfg.SegmentThreads : Environment.ProcessorCount;
        var builder = new TermBuilder(conn, readConn, sql, new Lazy<TermExtractor>(() => Extractor(layout)), layout, committed, threads, SettingsStamp(), _log, SegmentBatchSize);
        var days = new List<DateOnly>();
        for (var d = from; d <= asOf; d = d.AddDays(1))
        {
            if (Feeds.All.Any(f => committed.Has(f, d)) && builder.NeedsBuild(d))
            {
                days.Add(d);
            }
        }

        for (var i = 0; i < days.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new StageProgress("analyze", $"terms {days[i]:yyyy-MM-dd}", i, days.Count));
            builder.BuildDay(days[i], cancellationToken);
        }

        // terms written before the doc_sets rollup existed: derive it from them, without segmenting again
        for (var d = from; d <= asOf; d = d.AddDays(1))
        {
            if (!days.Contains(d) && LakeFiles.Partition(layout.Terms, d).Length > 0 && builder.NeedsRollup(d))
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new StageProgress("analyze", "document sets", 0, 0));
                builder.BuildRollup(d);
            }
        }

        LastBuiltDays = days;
        LastSegmentationTime = builder.SegmentationTime;

        // 2. term scores
        progress?.Report(new StageProgress("analyze", ScoringStage, 0, 0));
        Load(conn, "term_daily_hist", LakeFiles.Partitions(Path.Combine(layout.Marts, "term_daily"), from, asOf));
        Load(conn, "segment_daily_hist", LakeFiles.Partitions(Path.Combine(layout.Marts, "segment_daily"), from, asOf));
        Load(conn, "source_daily_hist", LakeFiles.Partitions(Path.Combine(layout.Marts, "source_daily"), from, asOf));
        LoadVocabulary(conn, layout);
        Run(conn, "100_weekday_factors", "110_term_series", "120_scores", "130_trends", "140_topic_candidates");

        // 3. topics
        progress?.Report(new StageProgress("analyze", "clustering topics", 0, 0));
        string[] Rollup(string mart, DateOnly start) => LakeFiles.Partitions(Path.Combine(layout.Marts, mart), start, asOf);
        var sets = Rollup("doc_sets", from);
        Load(conn, "set_terms", sets);
        Load(conn, "doc_sets", sets);
        Run(conn, "150_topic_edges");
        var step = Stopwatch.StartNew();
        var candidates = conn.Query(sql.LoadStatement("candidates"), r => (Candidate: new TopicClusterer.Candidate(r.GetString(0), r.GetInt32(1), r.GetNumber(2), r.GetBoolean(3)), Falling: r.GetBoolean(4)));
        var edges = conn.Query(sql.LoadStatement("edges"), r => new TopicClusterer.Edge(r.GetString(0), r.GetString(1), r.GetNumber(2)));
        Log.StepRan(_log, "candidates and edges read", step.ElapsedMilliseconds);
        step.Restart();
        var clustered = new List<TopicClusterer.Member>();

        // rising and falling terms are clustered apart: a falling word never joins a rising topic
        foreach (var falling in new[] { false, true })
        {
            var group = candidates.Where(c => c.Falling == falling).Select(c => c.Candidate).ToList();
            var groupTerms = group.Select(c => c.Term).ToHashSet(StringComparer.Ordinal);
            var prefix = falling ? "falling:" : "rising:";
            clustered.AddRange(TopicClusterer.Cluster(group, edges.Where(e => groupTerms.Contains(e.A) && groupTerms.Contains(e.B)), cfg.TopicMinSimilarity)
                .Select(m => m with { TopicId = prefix + m.TopicId }));
        }

        // the members a topic keeps are settled before tracking, so that today's topics are matched to the
        // earlier ones on the same kind of member list as those were written with
        using (var appender = conn.CreateAppender("topic_members"))
        {
            foreach (var m in clustered)
            {
                appender.CreateRow().AppendValue(m.TopicId).AppendValue(m.Name).AppendValue(m.Term).AppendValue(m.MemberRank).EndRow();
            }
        }

        Log.StepRan(_log, "topic clustering", step.ElapsedMilliseconds);
        Run(conn, "180_topic_members");
        step.Restart();
        var kept = conn.Query(sql.LoadStatement("kept_members"), r => (Cluster: r.GetString(0), Term: r.GetString(1))).ToHashSet();
        clustered.RemoveAll(m => !kept.Contains((m.TopicId, m.Term)));
        var ids = TrackTopics(conn, layout, asOf, clustered, candidates.Select(c => c.Candidate).ToList());
        using (var appender = conn.CreateAppender("topic_ids"))
        {
            foreach (var (cluster, id) in ids)
            {
                appender.CreateRow().AppendValue(cluster).AppendValue(id).EndRow();
            }
        }

        conn.ExecuteNonQuery(sql.LoadStatement("topic_ids_apply"));
        Log.StepRan(_log, "topic tracking", step.ElapsedMilliseconds);
        Run(conn, "190_topic_sets", "200_topic_daily", "210_topic_series", "120_scores", "220_topics", "230_trends_topic", "240_top_sets");

        // 4. what the report explains a topic with
        progress?.Report(new StageProgress("analyze", "attributes, segments, supply, evidence", 0, 0));
        Load(conn, "typed_set_terms", Rollup("doc_sets", recentStart));
        Load(conn, "set_segments", Rollup("doc_set_segments", from));
        Load(conn, "set_items", Rollup("doc_set_items", recentStart));
        Load(conn, "supply_sets", Rollup("doc_sets", from));
        Load(conn, "raw_comments", committed.Partitions(layout, Feeds.Comments, recentStart, asOf));
        Load(conn, "raw_content", committed.Partitions(layout, Feeds.Content, asOf.AddDays(-90), asOf));
        Run(conn, "300_topic_attributes", "310_topic_segments", "320_supply_gap", "330_evidence");
        Movement(conn, layout, asOf);
        progress?.Report(new StageProgress("analyze", "forecast", 0, 0));
        step.Restart();
        Forecast(conn);
        Log.StepRan(_log, "forecast", step.ElapsedMilliseconds);
        progress?.Report(new StageProgress("analyze", "new words", 0, 0));
        NewWords(conn, layout, committed, recentStart, asOf);

        // 5. marts and views
        progress?.Report(new StageProgress("analyze", "writing marts", 0, AsOfMarts.Count));
        for (var i = 0; i < AsOfMarts.Count; i++)
        {
            var written = Stopwatch.StartNew();
            ParquetOut.Write(conn, AsOfMarts[i], Path.Combine(layout.Marts, AsOfMarts[i]), asOf);
            Log.StepRan(_log, "mart " + AsOfMarts[i] + " written", written.ElapsedMilliseconds);
            progress?.Report(new StageProgress("analyze", "writing marts", i + 1, AsOfMarts.Count));
        }

        WarehouseCatalog.RefreshViews(layout, DuckDbConfig.FromEngine(_config.Engine, layout));

        var (terms, topics) = conn.Query(sql.LoadStatement("summary"), r => (r.GetInt64(0), (int)r.GetInt64(1)))[0];
        watch.Stop();
        Log.Analyzed(_log, asOf, terms, topics, watch.ElapsedMilliseconds);
        return new AnalyzeSummary(asOf, terms, topics, watch.Elapsed);
    }

    /// <summary>
    /// The final ids of the clusters (<see cref="TopicTracker"/>): the topics of the analyses of the
    /// week before <paramref name="asOf"/> are loaded into <c>topic_history</c> and matched by membership.
    /// </summary>
    private IReadOnlyDictionary<string, string> TrackTopics(
        DuckDBConnection conn, DataLayout layout, DateOnly asOf, IReadOnlyList<TopicClusterer.Member> clustered, IReadOnlyList<TopicClusterer.Candidate> candidates)
    {
        Load(conn, "topic_history", LakeFiles.Partitions(Path.Combine(layout.Marts, "topics"), asOf.AddDays(-TrackingLookBackDays), asOf.AddDays(-1)));
        var previous = conn.Query(_sql.Value.LoadStatement("topic_history_members"), r => new TopicTracker.Previous(
            r.GetString(1), r.GetDate(0), [.. r.GetStringList(2).Select(s => s ?? string.Empty)]));
        var interest = candidates.GroupBy(c => c.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().RecentTotal, StringComparer.Ordinal);
        var current = clustered.GroupBy(m => m.TopicId, StringComparer.Ordinal)
            .Select(g => new TopicTracker.Current(g.Key, g.First().Name, [.. g.Select(m => (m.Term, interest.GetValueOrDefault(m.Term)))]))
            .ToList();
        return TopicTracker.Assign(current, previous);
    }

    /// <summary>The term extractor, loaded on first use; its dictionary is kept in <c>state/vocabulary</c> of the data folder.</summary>
    private TermExtractor Extractor(DataLayout layout) => _extractor ??= _extractorFactory(layout.Vocabulary);

    private DuckDbConfig EngineSettings(DataLayout layout)
    {
        var config = DuckDbConfig.FromEngine(_config.Engine, layout);
        if (config.TempDirectory is { } temp)
        {
            Directory.CreateDirectory(temp);
        }

        return config;
    }

    private void WriteParams(DuckDBConnection conn, DateOnly asOf)
    {
        var c = _config.Analysis;
        conn.ExecuteNonQuery(
            _sql.Value.LoadStatement("params"),
            ("as_of", asOf), ("recent_days", c.RecentDays), ("baseline_days", c.BaselineDays), ("prior_strength", c.PriorStrength),
            ("min_support", c.MinSupport), ("min_active_days", c.MinActiveDays), ("breakout_floor", c.BreakoutFloor), ("min_z", c.MinZ),
            ("rise_slope", c.RiseSlope), ("w_search", c.Weights.Search), ("w_content", c.Weights.Content),
            ("w_comment", c.Weights.Comment), ("w_engagement", c.Weights.Engagement), ("topic_candidates", c.TopicCandidates),
            ("topic_min_similarity", c.TopicMinSimilarity), ("min_co_docs", c.MinCoDocs), ("top_topics", c.TopTopics),
            ("segment_lead_ratio", c.SegmentLeadRatio), ("gap_ratio", c.GapRatio), ("listing_prior", c.ListingPrior),
            ("evidence_per_topic", c.EvidencePerTopic), ("focus", string.Join(',', c.Focus.Select(f => f.Trim()))), ("idf_floor", c.IdfFloor),
            ("top_list", _config.Report.TopTopics));
    }

    /// <summary>
    /// The settings that change what a day's terms and per-day marts hold. Dictionaries are stamped by
    /// name and content (SHA-256): the lexicon's word files and synonyms, and the user dictionaries;
    /// its README, a checkout or a move of the installation do not rebuild the terms. jieba's own data is
    /// stamped by the jieba.NET version it comes with; the segmenter's rules by the <c>terms-vN</c> prefix.
    /// </summary>
    private string SettingsStamp()
    {
        var w = _config.Analysis.Weights;
        var files = Directory.Exists(_lexiconFolder)
            ? Directory.EnumerateFiles(_lexiconFolder)
                .Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || string.Equals(Path.GetFileName(f), Lexicon.SynonymsFile, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        files.AddRange(_config.Text.ResolveUserDictionaries(AssetLocator.Root));
        var stamps = string.Join(';', files.Select(f => Path.GetFileName(f) + ":"
            + (File.Exists(f) ? FileChecksum.Sha256(f) : "missing")));
        var stop = string.Join(',', _config.Text.ExtraStopWords);
        return string.Create(CultureInfo.InvariantCulture, $"terms-v3 jieba.NET={JiebaData.PackageVersion} w={w.Search},{w.Content},{w.Comment},{w.Engagement} stop={stop} dictionaries={stamps}");
    }

    /// <summary>jieba's IDF table and the discovered words, for the generic-word filter of the rank.</summary>
    private void LoadVocabulary(DuckDBConnection conn, DataLayout layout)
    {
        if (_config.Analysis.IdfFloor <= 0)
        {
            return;
        }

        // the text table takes longer to parse than the scores take to compute: a Parquet copy is kept
        // in data/state/vocabulary, named by the size and time of the file it was read from
        var idf = new FileInfo(KeywordExtractor.DefaultIdfPath);
        var folder = layout.Vocabulary;
        var copy = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"jieba_idf-{idf.Length}-{idf.LastWriteTimeUtc.Ticks}.parquet"));
        if (File.Exists(copy))
        {
            conn.ExecuteNonQuery(_sql.Value.LoadStatement("jieba_idf_cached"), ("path", copy));
        }
        else
        {
            conn.ExecuteNonQuery(_sql.Value.LoadStatement("jieba_idf"), ("path", idf.FullName));
            Directory.CreateDirectory(folder);
            var tmp = Path.Combine(folder, $".jieba_idf.{Guid.NewGuid():N}.tmp");
            conn.ExecuteNonQuery(_sql.Value.LoadStatement("jieba_idf_write"), ("path", tmp));
            File.Move(tmp, copy, overwrite: true);
            foreach (var stale in Directory.EnumerateFiles(folder, "jieba_idf-*.parquet").Where(f => !string.Equals(f, copy, StringComparison.Ordinal)))
            {
                File.Delete(stale);
            }
        }

        using var appender = conn.CreateAppender("known_words");
        foreach (var word in TextResources.DiscoveredWords(_config.Text.ResolveUserDictionaries(AssetLocator.Root)))
        {
            appender.CreateRow().AppendValue(word).EndRow();
        }
    }

    private void Load(DuckDBConnection conn, string table, string[] files)
    {
        if (files.Length > 0)
        {
            var watch = Stopwatch.StartNew();
            conn.ExecuteNonQuery(_sql.Value.LoadStatement(table), ("files", files));
            Log.Loaded(_log, table, watch.ElapsedMilliseconds);
        }
    }

    private void Run(DuckDBConnection conn, params string[] models)
    {
        foreach (var model in models)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                conn.Execute(_sql.Value.Model(model));
            }
            catch (DuckDbException ex)
            {
                throw new TrendInsightException($"{Path.Combine(_sql.Value.Folder, model + ".sql")}: {ex.Message}", ex.IsTransient, ex);
            }

            Log.ModelRan(_log, model, watch.ElapsedMilliseconds);
        }
    }

    /// <summary>Rank movement against the weekly analyses before this one (the report's ↑3, ↓2, 新上榜, weeks on the list).</summary>
    private void Movement(DuckDBConnection conn, DataLayout layout, DateOnly asOf)
    {
        conn.ExecuteNonQuery(_sql.Value.LoadStatement("movement_params"), ("list_size", _config.Report.TopTopics));
        var root = Path.Combine(layout.Marts, "topics");
        var files = Enumerable.Range(1, MovementWeeks).SelectMany(k => LakeFiles.Partition(root, asOf.AddDays(-7 * k))).ToArray();
        Load(conn, "prev_topics", files);
        Run(conn, "340_topic_movement");
    }

    private void Forecast(DuckDBConnection conn)
    {
        var c = _config.Analysis;
        var rows = conn.Query(_sql.Value.LoadStatement("forecast_input"), r => (Topic: r.GetString(0), Day: r.GetDate(1), Y: r.GetNumber(2), Factor: r.GetNumber(3)));
        using var appender = conn.CreateAppender("forecast");
        foreach (var group in rows.GroupBy(r => r.Topic, StringComparer.Ordinal))
        {
            var series = group.OrderBy(r => r.Day).ToList();
            var factors = Enumerable.Range(1, 7).ToDictionary(wd => wd, wd =>
                series.FirstOrDefault(r => IsoDayOfWeek(r.Day) == wd).Factor is var f and > 0 ? f : 1.0);
            double Factor(DateOnly d) => factors[IsoDayOfWeek(d)];
            var deseasonalised = series.Select(r => r.Y / Factor(r.Day)).ToList();

            var forecast = CalibratedForecast.Forecast(deseasonalised, c.HorizonDays, c.ForecastInterval);
            var last = series[^1].Day;
            foreach (var p in forecast.Points)
            {
                var day = last.AddDays(p.Horizon);
                var f = Factor(day);
                var row = appender.CreateRow().AppendValue(group.Key).AppendValue(day).AppendValue(p.Horizon)
                    .AppendValue(p.Yhat * f).AppendValue(p.Lo * f).AppendValue(p.Hi * f).AppendValue("damped_holt");
                row = forecast.Mape is { } mape ? row.AppendValue(mape) : row.AppendNullValue();
                row = forecast.Coverage is { } coverage ? row.AppendValue(coverage) : row.AppendNullValue();
                row.AppendValue(forecast.Informative).AppendValue(forecast.Multiplier).AppendValue(forecast.BacktestDays).EndRow();
            }
        }
    }

    private void NewWords(DuckDBConnection conn, DataLayout layout, CommittedLake committed, DateOnly from, DateOnly to)
    {
        var search = committed.Partitions(layout, Feeds.Search, from, to);
        var comments = committed.Partitions(layout, Feeds.Comments, from, to);
        var content = committed.Partitions(layout, Feeds.Content, from, to);
        if (search.Length == 0 || comments.Length == 0 || content.Length == 0)
        {
            return;
        }

        var step = Stopwatch.StartNew();
        var extractor = Extractor(layout);
        if (extractor.Segmenter is not { } segmenter)
        {
            return;
        }

        Log.StepRan(_log, "dictionaries for new words", step.ElapsedMilliseconds);
        step.Restart();
        var lines = conn.Query(_sql.Value.LoadStatement("new_words_corpus"), r => (Source: r.GetString(0), Text: r.IsNull(1) ? string.Empty : r.GetString(1)),
            ("search", search), ("comments", comments), ("content", content), ("lines", (long)NewWordCorpusLines));
        Log.StepRan(_log, "new-word corpus read", step.ElapsedMilliseconds);
        step.Restart();
        var options = NewWordOptions.FromConfig(_config.Text);
        // candidates that only comments use are dropped afterwards, so discovery looks further down its list
        var discovery = new NewWordDiscovery(segmenter, options with { Top = options.Top * 4 }, extractor.StopWords);
        var found = discovery.Discover(lines.Select(l => l.Text).ToList());
        Log.StepRan(_log, "new-word discovery", step.ElapsedMilliseconds);
        step.Restart();
        using var appender = conn.CreateAppender("new_words");
        foreach (var r in NewWordSources.Rank(found, lines, options.Top))
        {
            var w = r.Word;
            appender.CreateRow().AppendValue(w.Word).AppendValue((long)w.Count).AppendValue(w.Cohesion).AppendValue(w.LeftEntropy).AppendValue(w.RightEntropy)
                .AppendValue(r.Score).AppendValue(r.QueryLines).AppendValue(r.TitleLines).AppendValue(r.CommentLines).EndRow();
        }

        Log.StepRan(_log, "new-word ranking", step.ElapsedMilliseconds);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static int IsoDayOfWeek(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;
}
