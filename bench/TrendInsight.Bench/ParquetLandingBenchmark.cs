using System.Diagnostics;
using System.Globalization;
using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Bench;

/// <summary>
/// The same comments delivered twice, as JSONL and as one large Parquet extract (DuckDB's default row groups
/// of 122,880 rows, as warehouse extracts from DuckDB have them): time and peak RSS of a whole <c>trendinsight ingest</c>
/// process over each. A Parquet landing file is read row group by row group, so its peak should not rise above the JSONL
/// path's. Both peaks are mostly DuckDB's staging, which varies by some 50 MB from one run to the next: the figures are
/// medians of three runs of each, taken in turn.
/// </summary>
public sealed class ParquetLandingBenchmark : IBenchmark
{
    public string Name => "parquet";

    public Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.Quick ? 300_000 : 3_000_000;
        var root = Path.Combine(context.WorkFolder, "parquet");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var jsonl = Path.Combine(root, "jsonl-landing", Feeds.Comments);
        var parquet = Path.Combine(root, "parquet-landing", Feeds.Comments);
        Directory.CreateDirectory(jsonl);
        Directory.CreateDirectory(parquet);
        using (var db = DuckDbDatabase.Open(null, new DuckDbConfig { MemoryLimit = "2GB" }))
        using (var conn = db.Connect())
        {
            conn.Execute(string.Create(CultureInfo.InvariantCulture, $"""
                CREATE TABLE comments AS
                SELECT 'c' || i AS event_id,
                       strftime(TIMESTAMP '2026-10-01 00:00:00' + to_seconds(i * 7 % (40 * 86400)), '%Y-%m-%dT%H:%M:%S+08:00') AS ts,
                       'n' || (i % 5000) AS content_id,
                       ['这套国风汉服太好看了😍 求链接！', '國風真的回來了，燈芯絨配馬面裙', '第一次露营🏕️ 天幕和露营椅都是新买的',
                        'citywalk 路线分享 上海武康路', '美拉德色系秋冬外套 <b>好看</b>', '新中式 盘扣衬衫 通勤也能穿'][i % 6 + 1] || ' #' || (i % 97) AS text,
                       (i % 300)::INTEGER AS likes,
                       'u' || (i % 100000) AS user_id,
                       ['<18', '18-23', '24-30', '31-40', '41-50', '50+'][i % 6 + 1] AS age_band,
                       CASE WHEN i % 3 = 0 THEN 'm' ELSE 'f' END AS gender,
                       ['1', 'new1', '2', '3', '4', '5'][i % 6 + 1] AS city_tier,
                       'xhs' AS platform
                FROM range({rows}) t(i)
                """));
            conn.Execute($"COPY comments TO {Literal(Path.Combine(jsonl, "comments-000.jsonl"))} (FORMAT json)");
            // A warehouse extract carries a real timestamp column, not text.
            conn.Execute($"COPY (SELECT * REPLACE (CAST(ts AS TIMESTAMPTZ) AS ts) FROM comments) TO {Literal(Path.Combine(parquet, "comments-000.parquet"))} (FORMAT parquet, COMPRESSION zstd)");
        }

        var jsonlBytes = new FileInfo(Path.Combine(jsonl, "comments-000.jsonl")).Length;
        var parquetBytes = new FileInfo(Path.Combine(parquet, "comments-000.parquet")).Length;
        BenchContext.Figure(string.Create(CultureInfo.InvariantCulture, $"input: {rows:N0} comments, JSONL"), jsonlBytes / 1e6, "MB");
        BenchContext.Figure(string.Create(CultureInfo.InvariantCulture, $"input: {rows:N0} comments, Parquet"), parquetBytes / 1e6, "MB");

        if (Environment.GetEnvironmentVariable("BENCH_KEEP") == "1")
        {
            // For profiling: both landing folders stay for `trendinsight ingest --landing …`; no runs.
            Console.WriteLine($"  landing kept: {Path.GetDirectoryName(jsonl)}, {Path.GetDirectoryName(parquet)}");
            return Task.CompletedTask;
        }

        const int Runs = 3;
        var jsonlRss = new List<double>();
        var jsonlSeconds = new List<double>();
        var parquetRss = new List<double>();
        var parquetSeconds = new List<double>();
        for (var run = 1; run <= Runs; run++)
        {
            // Each run starts from an empty data folder: one that ingested the file already would skip it.
            var jsonlData = Path.Combine(root, "jsonl-data");
            var parquetData = Path.Combine(root, "parquet-data");
            var watch = Stopwatch.StartNew();
            jsonlRss.Add(IngestBenchmark.PeakRssOfIngest(Path.GetDirectoryName(jsonl)!, jsonlData));
            jsonlSeconds.Add(watch.Elapsed.TotalSeconds);
            watch.Restart();
            parquetRss.Add(IngestBenchmark.PeakRssOfIngest(Path.GetDirectoryName(parquet)!, parquetData));
            parquetSeconds.Add(watch.Elapsed.TotalSeconds);
            Directory.Delete(jsonlData, recursive: true);
            Directory.Delete(parquetData, recursive: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run}: peak RSS Parquet {parquetRss[^1]:N1} MB, JSONL {jsonlRss[^1]:N1} MB; Parquet {parquetSeconds[^1]:N1} s, JSONL {jsonlSeconds[^1]:N1} s"));
        }

        BenchContext.Compare("peak RSS, ingest of one Parquet extract", "MB", Median(parquetRss), "the same rows as JSONL", Median(jsonlRss));
        BenchContext.Compare("ingest of one Parquet extract", "rows/s", rows / Median(parquetSeconds), "the same rows as JSONL", rows / Median(jsonlSeconds));
        Directory.Delete(root, recursive: true);
        return Task.CompletedTask;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
