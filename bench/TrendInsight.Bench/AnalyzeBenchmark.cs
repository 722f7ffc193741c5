using System.Diagnostics;
using System.Globalization;
using TrendInsight.Analysis;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.DuckDb;
using Microsoft.Extensions.Logging;

namespace TrendInsight.Bench;

/// <summary>
/// <c>make bench BENCH=analyze</c>: analysis as of one day over a raw lake of 10M events (1M with
/// BENCH_QUICK=1; 100M with BENCH_ANALYZE_100M=1) spread over the 35 days of the default windows:
/// from scratch (every day segmented), against the floor — the time DuckDB needs to scan the same raw
/// Parquet text columns once — plus the time the segmenter alone needs on the same text; and warm (terms
/// already built), with scoring on the rollups apart from the warm total. BENCH_VERBOSE=1 prints the warm
/// run's SQL models and loads with their times.
/// </summary>
public sealed class AnalyzeBenchmark : IBenchmark
{
    private const int Days = 35;
    private static readonly DateOnly First = new(2026, 10, 1);

    // Test-data generation only: the raw lake in the shape of pipelines/README.md, straight from DuckDB.
    private const string SearchSql = """
        COPY (
            SELECT 's' || i AS event_id,
                   (TIMESTAMPTZ '2026-10-01 12:00:00+08' + to_days(CAST(i % 35 AS INTEGER))) AS ts,
                   q AS query, q AS query_norm, 1::BIGINT AS count, 'u' || (hh(i) % 100000) AS user_id,
                   ['<18','18-23','24-30','31-40','41-50','50+'][1 + hh(i * 7) % 6] AS age_band,
                   CASE WHEN hh(i * 11) % 2 = 0 THEN 'f' ELSE 'm' END AS gender,
                   ['1','new1','2','3','4','5'][1 + hh(i * 13) % 6] AS city_tier,
                   'douyin' AS platform, 'bench.jsonl' AS source_file,
                   DATE '2026-10-01' + CAST(i % 35 AS INTEGER) AS dt
            FROM (
                SELECT i,
                       CASE WHEN (hh(i * 3) % 1000) < 5 + (i % 35) * 2
                            THEN $rising[1 + hh(i * 5) % 8] || ' ' || $vocabulary[1 + CAST(floor(pow((hh(i * 17) % 10000) / 10000.0, 2) * len($vocabulary)) AS INTEGER)]
                            ELSE $vocabulary[1 + CAST(floor(pow((hh(i * 19) % 10000) / 10000.0, 3) * len($vocabulary)) AS INTEGER)]
                                 || ' ' || $vocabulary[1 + hh(i * 23) % len($vocabulary)]
                       END AS q
                FROM range($rows) r(i)
                WHERE $contents > 0
            )
        ) TO $out (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), OVERWRITE_OR_IGNORE)
        """;

    private const string CommentsSql = """
        COPY (
            SELECT 'c' || i AS event_id,
                   (TIMESTAMPTZ '2026-10-01 12:00:00+08' + to_days(CAST(i % 35 AS INTEGER))) AS ts,
                   'v' || (hh(i) % $contents) AS content_id, t AS text, t AS text_norm,
                   CAST(hh(i * 29) % 300 AS BIGINT) AS likes, 'u' || (hh(i) % 100000) AS user_id,
                   ['<18','18-23','24-30','31-40','41-50','50+'][1 + hh(i * 7) % 6] AS age_band,
                   CASE WHEN hh(i * 11) % 2 = 0 THEN 'f' ELSE 'm' END AS gender,
                   ['1','new1','2','3','4','5'][1 + hh(i * 13) % 6] AS city_tier,
                   'xiaohongshu' AS platform, 'bench.jsonl' AS source_file,
                   DATE '2026-10-01' + CAST(i % 35 AS INTEGER) AS dt
            FROM (
                SELECT i,
                       CASE WHEN (hh(i * 3) % 1000) < 5 + (i % 35) * 2 THEN $rising[1 + hh(i * 5) % 8] ELSE $vocabulary[1 + hh(i * 31) % len($vocabulary)] END
                       || '真的太好看了，' || $vocabulary[1 + hh(i * 37) % len($vocabulary)] || '也不错😍 ' || $vocabulary[1 + hh(i * 41) % len($vocabulary)] AS t
                FROM range($rows) r(i)
            )
        ) TO $out (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), OVERWRITE_OR_IGNORE)
        """;

    private const string EngagementSql = """
        COPY (
            SELECT 'e' || i AS event_id,
                   (TIMESTAMPTZ '2026-10-01 12:00:00+08' + to_days(CAST(i % 35 AS INTEGER))) AS ts,
                   'v' || (hh(i) % $contents) AS content_id,
                   ['play','play','play','like','share','comment','favorite','purchase'][1 + hh(i * 43) % 8] AS action,
                   1::BIGINT AS count, CAST(0 AS DECIMAL(18,2)) AS gmv, 'u' || (hh(i) % 100000) AS user_id,
                   ['<18','18-23','24-30','31-40','41-50','50+'][1 + hh(i * 7) % 6] AS age_band,
                   CASE WHEN hh(i * 11) % 2 = 0 THEN 'f' ELSE 'm' END AS gender,
                   ['1','new1','2','3','4','5'][1 + hh(i * 13) % 6] AS city_tier,
                   'douyin' AS platform, 'bench.jsonl' AS source_file,
                   DATE '2026-10-01' + CAST(i % 35 AS INTEGER) AS dt
            FROM range($rows) r(i)
            WHERE len($rising) > 0 AND len($vocabulary) > 0
        ) TO $out (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), OVERWRITE_OR_IGNORE)
        """;

    private const string ContentSql = """
        COPY (
            SELECT 'v' || i AS content_id,
                   (TIMESTAMPTZ '2026-10-01 12:00:00+08' + to_days(CAST(i % 35 AS INTEGER))) AS ts,
                   t AS title, t AS title_norm, [w] AS tags, [w] AS tags_norm, 'a1' AS author_id,
                   ['apparel','outdoor','beauty','home'][1 + hh(i) % 4] AS category, 'douyin' AS platform,
                   'bench.jsonl' AS source_file, DATE '2026-10-01' + CAST(i % 35 AS INTEGER) AS dt
            FROM (
                SELECT i, $vocabulary[1 + hh(i * 47) % len($vocabulary)] AS w,
                       $vocabulary[1 + hh(i * 47) % len($vocabulary)] || '分享｜' || $vocabulary[1 + hh(i * 53) % len($vocabulary)] || '合集' AS t
                FROM range($rows) r(i)
                WHERE len($rising) > 0 AND $contents > 0
            )
        ) TO $out (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), OVERWRITE_OR_IGNORE)
        """;

    private const string ProductsSql = """
        COPY (
            SELECT 'p' || i AS product_id,
                   (TIMESTAMPTZ '2026-10-01 12:00:00+08' + to_days(CAST(i % 35 AS INTEGER))) AS ts,
                   t AS title, t AS title_norm, ['apparel','outdoor','beauty','home'][1 + hh(i) % 4] AS category,
                   CAST(99 AS DECIMAL(18,2)) AS price, CAST(hh(i) % 100 AS BIGINT) AS sales, 'shop1' AS shop_id,
                   'bench.csv' AS source_file, DATE '2026-10-01' + CAST(i % 35 AS INTEGER) AS dt
            FROM (
                SELECT i, $vocabulary[1 + hh(i * 59) % len($vocabulary)] || ' ' || $vocabulary[1 + hh(i * 61) % len($vocabulary)] || ' 新款' AS t
                FROM range($rows) r(i)
                WHERE len($rising) > 0 AND $contents > 0
            )
        ) TO $out (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), OVERWRITE_OR_IGNORE)
        """;

    private const string ScanSql = """
        SELECT (SELECT sum(length(query_norm)) + sum(count) FROM read_parquet($search))
             + (SELECT sum(length(text_norm)) + sum(likes) FROM read_parquet($comments))
             + (SELECT count(DISTINCT content_id) + sum(count) FROM read_parquet($engagement))
             + (SELECT sum(length(title_norm)) + sum(len(tags_norm)) FROM read_parquet($content))
             + (SELECT sum(length(title_norm)) + sum(sales) FROM read_parquet($products))
        """;

    private static readonly string[] Rising = ["露营", "马面裙", "多巴胺穿搭", "美拉德", "新中式", "天幕", "冲锋衣", "city walk"];

    private static readonly string[] Vocabulary =
    [
        "连衣裙", "手机壳", "口红", "面膜", "运动鞋", "卫衣", "牛仔裤", "羽绒服", "防晒霜", "香水",
        "耳机", "充电宝", "保温杯", "台灯", "鼠标垫", "雨伞", "拖鞋", "毛巾", "枕头", "闹钟",
        "笔记本", "书包", "钥匙扣", "花瓶", "地毯", "窗帘", "衣架", "水杯", "餐具", "抱枕",
        "发夹", "围巾", "手套", "袜子", "腰带", "钱包", "香薰", "蜡烛", "相框", "贴纸",
        "手账", "胶带", "画笔", "颜料", "拼图", "积木", "风扇", "加湿器", "电饭煲", "烤箱",
        "通勤", "复古", "国风", "学生党", "宝妈", "打工人", "灯芯绒", "真丝", "亚麻", "克莱因蓝",
        "焦糖色", "薄荷绿", "飞盘", "徒步", "骑行", "瑜伽", "健身", "咖啡", "奶茶", "蛋糕",
        "推荐", "平价", "高级感", "显瘦", "百搭", "夏季", "冬季", "新款", "同款", "教程",
    ];

    public string Name => "analyze";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var sizes = new List<long> { context.Quick ? 1_000_000 : 10_000_000 };
        if (!context.Quick && Environment.GetEnvironmentVariable("BENCH_ANALYZE_100M") == "1")
        {
            sizes.Add(100_000_000);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analyze: one analysis date over {Days} days of raw events ({Environment.ProcessorCount} cores)"));
        foreach (var events in sizes)
        {
            await RunSizeAsync(context, events, cancellationToken);
        }
    }

    /// <summary>
    /// Analyze reads raw files through the committed list an ingest publishes; the generated lake has no ingest,
    /// so its files are published here with the size and SHA-256 an ingest records at commit (the terms of a day are
    /// fingerprinted by them; a file without a checksum would be hashed on every run, as no ingested file is).
    /// </summary>
    private static void PublishRaw(DataLayout layout)
    {
        var files = new List<CommittedFile>();
        foreach (var feed in Feeds.All)
        {
            var folder = layout.RawFeed(feed);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories))
            {
                if (BusinessCalendar.TryParsePartition(Path.GetFileName(Path.GetDirectoryName(file)), out var dt))
                {
                    var relative = Path.GetRelativePath(layout.Root, file).Replace(Path.DirectorySeparatorChar, '/');
                    files.Add(new CommittedFile(feed, dt, relative, 0, new FileInfo(file).Length, FileChecksum.Sha256(file), "bench"));
                }
            }
        }

        CommittedLake.Of(files).Publish(layout);
    }

    private static async Task RunSizeAsync(BenchContext context, long events, CancellationToken cancellationToken)
    {
        var root = Path.Combine(context.WorkFolder, string.Create(CultureInfo.InvariantCulture, $"analyze-{events}"));
        var layout = new DataLayout(root);
        var watch = Stopwatch.StartNew();
        var generated = Generate(layout, events);
        if (generated)
        {
            BenchContext.Figure($"generate {events:N0} raw events (DuckDB)", watch.Elapsed.TotalSeconds, "s");
        }

        PublishRaw(layout);
        var rawBytes = Directory.EnumerateFiles(layout.Raw, "*.parquet", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        BenchContext.Figure("raw Parquet on disk", rawBytes / 1048576.0, "MB");

        var config = new PipelineConfig();
        var asOf = First.AddDays(Days - 1);

        // the floor: DuckDB reading the raw text and count columns of every feed once
        var floor = TimeScan(layout, asOf);
        BenchContext.Figure("scan floor: DuckDB reads the raw columns once", floor.TotalSeconds, "s");

        foreach (var dir in new[] { layout.Terms, layout.Marts, Path.Combine(layout.State, "terms") })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        var log = new ConsoleLoggerFactory();
        var service = new AnalyzeService(config, TimeProvider.System, log);
        watch.Restart();
        var coldStages = new StageClock();
        var cold = await service.AnalyzeAsync(layout, asOf, coldStages, cancellationToken);
        var coldTime = watch.Elapsed;
        coldStages.Stop();
        var termRows = Directory.EnumerateFiles(layout.Terms, "*.parquet", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        // the target: from scratch within 3x of the scan floor plus the time the segmenter alone needs
        var segmentation = service.LastSegmentationTime.TotalSeconds;
        BenchContext.Compare($"from scratch ({service.LastBuiltDays.Count} days segmented)", "s", coldTime.TotalSeconds,
            string.Create(CultureInfo.InvariantCulture, $"floor {floor.TotalSeconds:F1} + segmentation {segmentation:F1}"), floor.TotalSeconds + segmentation);
        BenchContext.Compare("from scratch against the scan floor alone", "s", coldTime.TotalSeconds, "scan floor", floor.TotalSeconds);
        var building = coldStages.Durations.Where(d => d.Stage.StartsWith("terms ", StringComparison.Ordinal)).Sum(d => d.Seconds);
        BenchContext.Figure("  from scratch: segmentation alone (all cores)", segmentation, "s");
        BenchContext.Figure("  from scratch: building terms (read, segment, append, write)", building, "s");
        BenchContext.Figure("  from scratch: everything after the terms", coldTime.TotalSeconds - building, "s");
        BenchContext.Figure("terms Parquet on disk", termRows / 1048576.0, "MB");

        log.Enabled = Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1";
        watch.Restart();
        var stages = new StageClock();
        var warm = await service.AnalyzeAsync(layout, asOf, stages, cancellationToken);
        var warmTime = watch.Elapsed;
        stages.Stop();
        var scoring = stages.Durations.Where(d => d.Stage == AnalyzeService.ScoringStage).Sum(d => d.Seconds);
        BenchContext.Compare("warm: scoring on the rollups", "s", scoring, "scan floor", floor.TotalSeconds);
        BenchContext.Compare($"warm total (terms built, {service.LastBuiltDays.Count} days segmented)", "s", warmTime.TotalSeconds, "scan floor", floor.TotalSeconds);
        foreach (var (stage, seconds) in stages.Durations.Where(d => d.Stage != AnalyzeService.ScoringStage))
        {
            BenchContext.Figure("  warm: " + stage, seconds, "s");
        }

        var rollups = RollupBytes(layout);
        BenchContext.Figure("rollups on disk (term_daily, doc_sets, …)", rollups / 1048576.0, "MB");

        BenchContext.Figure("terms scored", warm.TermsScored, "terms");
        BenchContext.Figure("topics ranked", warm.Topics, "topics");
        BenchContext.Figure("peak RSS", BenchContext.PeakRssMb(), "MB");
        _ = cold;
    }

    /// <summary>BENCH_VERBOSE=1: the warm run's debug log (each SQL model and load with its time) on the console.</summary>
    private sealed class ConsoleLoggerFactory : ILoggerFactory, ILogger
    {
        public bool Enabled { get; set; }

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => Enabled && logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Console.WriteLine("    | " + formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }

    /// <summary>Times the stages a run reports, synchronously (no thread-pool hop).</summary>
    private sealed class StageClock : IProgress<TrendInsight.Core.Pipeline.StageProgress>
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private string? _current;

        public List<(string Stage, double Seconds)> Durations { get; } = [];

        public void Report(TrendInsight.Core.Pipeline.StageProgress value)
        {
            if (value.Message == _current)
            {
                return;
            }

            Stop();
            _current = value.Message;
        }

        public void Stop()
        {
            if (_current is not null)
            {
                Durations.Add((_current, _watch.Elapsed.TotalSeconds));
            }

            _current = null;
            _watch.Restart();
        }
    }

    /// <summary>Bytes of the per-day rollups the warm run reads instead of the terms.</summary>
    private static long RollupBytes(DataLayout layout) =>
        new[] { "term_daily", "segment_daily", "source_daily", "doc_sets", "doc_set_segments", "doc_set_items" }
            .Select(m => Path.Combine(layout.Marts, m))
            .Where(Directory.Exists)
            .Sum(d => Directory.EnumerateFiles(d, "*.parquet", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));

    private static bool Generate(DataLayout layout, long events)
    {
        var stamp = Path.Combine(layout.Root, "generated.ok");
        if (File.Exists(stamp))
        {
            return false;
        }

        if (Directory.Exists(layout.Root))
        {
            Directory.Delete(layout.Root, recursive: true);
        }

        Directory.CreateDirectory(layout.Raw);
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { MemoryLimit = "4GB", TempDirectory = Path.Combine(layout.Root, "tmp") });
        using var conn = db.Connect();
        var contentCount = Math.Max(1000, events / 50);
        conn.Execute("CREATE MACRO hh(x) AS CAST(hash(x) % 1000000007 AS BIGINT)");
        conn.ExecuteNonQuery(SearchSql, ("out", layout.RawFeed(Feeds.Search)), ("rising", Rising), ("vocabulary", Vocabulary), ("rows", (long)(events * 55 / 100)), ("contents", (long)contentCount));
        conn.ExecuteNonQuery(CommentsSql, ("out", layout.RawFeed(Feeds.Comments)), ("rising", Rising), ("vocabulary", Vocabulary), ("rows", (long)(events * 15 / 100)), ("contents", (long)contentCount));
        conn.ExecuteNonQuery(EngagementSql, ("out", layout.RawFeed(Feeds.Engagement)), ("rising", Rising), ("vocabulary", Vocabulary), ("rows", (long)(events * 25 / 100)), ("contents", (long)contentCount));
        conn.ExecuteNonQuery(ContentSql, ("out", layout.RawFeed(Feeds.Content)), ("rising", Rising), ("vocabulary", Vocabulary), ("rows", (long)(contentCount)), ("contents", (long)contentCount));
        conn.ExecuteNonQuery(ProductsSql, ("out", layout.RawFeed(Feeds.Products)), ("rising", Rising), ("vocabulary", Vocabulary), ("rows", (long)(events * 3 / 100)), ("contents", (long)contentCount));
        File.WriteAllText(stamp, events.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private static TimeSpan TimeScan(DataLayout layout, DateOnly asOf)
    {
        string[] Files(string feed) => [.. Directory.EnumerateFiles(layout.RawFeed(feed), "*.parquet", SearchOption.AllDirectories)];
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig());
        using var conn = db.Connect();
        var watch = Stopwatch.StartNew();
        _ = conn.Scalar<double>(ScanSql, ("search", Files(Feeds.Search)), ("comments", Files(Feeds.Comments)), ("engagement", Files(Feeds.Engagement)),
            ("content", Files(Feeds.Content)), ("products", Files(Feeds.Products)));
        _ = asOf;
        return watch.Elapsed;
    }
}
