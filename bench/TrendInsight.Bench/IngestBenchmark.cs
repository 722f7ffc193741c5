using System.Diagnostics;
using System.Globalization;
using System.Text;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.DuckDb;
using TrendInsight.Ingest;

namespace TrendInsight.Bench;

/// <summary>
/// Ingest of comment and engagement events in JSONL (validation, normalisation, dedup, Parquet, manifest)
/// against DuckDB's bare <c>COPY (SELECT * FROM read_json(…)) TO '….parquet'</c> of the same files with
/// no validation; then peak RSS of a whole <c>trendinsight ingest</c> process over a ~1 GB landing folder.
/// </summary>
/// <remarks>
/// Both sides run in this process on the same files (in the page cache after they are generated), with the same
/// DuckDB threads and memory limit (the pipeline's <c>engine.threads</c> and <c>ingest.memory_limit</c>). Each is
/// warmed up once on a small folder first (JIT, native library, OpenCC), then they take turns, the first of a
/// round alternating; the medians are compared.
/// </remarks>
public sealed class IngestBenchmark : IBenchmark
{
    public string Name => "ingest";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var events = context.Quick ? 200_000 : 3_000_000;
        var rounds = context.Quick ? 1 : int.Parse(Environment.GetEnvironmentVariable("BENCH_ROUNDS") ?? "3", CultureInfo.InvariantCulture);
        var root = Path.Combine(context.WorkFolder, "ingest");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var landing = Path.Combine(root, "landing");
        var bytes = Generate(landing, events / 2, files: 4);
        var warmLanding = Path.Combine(root, "warm-landing");
        Generate(warmLanding, 10_000, files: 1);
        BenchContext.Figure(string.Create(CultureInfo.InvariantCulture, $"input: {events:N0} events in JSONL"), bytes / 1e6, "MB");

        var config = PipelineConfig.Load(PipelineConfig.DefaultPath);
        var threads = config.Engine.Threads > 0 ? config.Engine.Threads : Environment.ProcessorCount;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  both sides: this process, DuckDB threads {threads}, memory_limit {config.Ingest.MemoryLimit}, one warm-up each, {rounds} alternating round(s), medians"));

        Peer(landing: warmLanding, Path.Combine(root, "warm-peer"), threads, config.Ingest.MemoryLimit);
        await Ours(config, warmLanding, Path.Combine(root, "warm-data"), events: null, cancellationToken);

        var peerTimes = new List<double>();
        var peerCpu = new List<double>();
        var ourCpu = new List<double>();
        var ourRuns = new List<(double Seconds, IngestSummary Summary, IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases)>();
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < 2; turn++)
            {
                var cpu = CpuSeconds();
                if ((turn + round) % 2 == 0)
                {
                    peerTimes.Add(Peer(landing, Path.Combine(root, "peer"), threads, config.Ingest.MemoryLimit));
                    peerCpu.Add(CpuSeconds() - cpu);
                }
                else
                {
                    ourRuns.Add(await Ours(config, landing, Path.Combine(root, "data"), events, cancellationToken));
                    ourCpu.Add(CpuSeconds() - cpu);
                }
            }
        }

        var peer = Median(peerTimes);
        var ours = ourRuns.OrderBy(r => r.Seconds).ElementAt(ourRuns.Count / 2);
        var summary = ours.Summary;
        BenchContext.Compare("ingest comments + engagement JSONL", "events/s", events / ours.Seconds, "DuckDB COPY read_json→parquet", events / peer);
        BenchContext.Figure("ingest seconds (median)", ours.Seconds, "s");
        foreach (var (phase, elapsed) in ours.Phases)
        {
            BenchContext.Figure("  ingest: " + phase, elapsed.TotalSeconds, "s");
        }

        BenchContext.Figure("DuckDB bare copy seconds (median)", peer, "s");
        BenchContext.Compare("CPU time (user + system, median)", "s", Median(ourCpu), "DuckDB COPY read_json→parquet", Median(peerCpu));
        Console.WriteLine("  each round, ours / DuckDB's: " + string.Join(", ", ourRuns.Zip(peerTimes).Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.First.Seconds:F1} / {r.Second:F1} s"))));
        BenchContext.Figure("accepted", summary.Accepted, "rows");
        BenchContext.Figure("quarantined (planted bad rows)", summary.Quarantined, "rows");
        BenchContext.Figure("duplicates (planted)", summary.Duplicates, "rows");

        if (Environment.GetEnvironmentVariable("BENCH_KEEP") == "1")
        {
            // For profiling: the landing folder stays for `trendinsight ingest --landing …`; no memory run.
            Console.WriteLine($"  landing kept: {landing}");
            return;
        }

        // Peak memory of a whole ingest process over a large input (VmHWM via /usr/bin/time -v).
        var bigEvents = context.Quick ? 400_000 : 5_000_000;
        var bigLanding = Path.Combine(root, "big-landing");
        var bigBytes = Generate(bigLanding, bigEvents, files: 8, engagement: false);
        var rss = PeakRssOfIngest(bigLanding, Path.Combine(root, "big-data"));
        BenchContext.Figure(string.Create(CultureInfo.InvariantCulture, $"peak RSS, ingest of {bigBytes / 1e9:F2} GB ({bigEvents:N0} comments)"), rss, "MB");
        Directory.Delete(root, recursive: true);
    }

    /// <summary>DuckDB's bare copy, no validation: one COPY per feed into <paramref name="output"/>; seconds.</summary>
    private static double Peer(string landing, string output, int threads, string memoryLimit)
    {
        Fresh(output);
        GC.Collect();
        var watch = Stopwatch.StartNew();
        using (var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = threads, MemoryLimit = memoryLimit }))
        using (var conn = db.Connect())
        {
            foreach (var feed in new[] { Feeds.Comments, Feeds.Engagement })
            {
                var glob = Path.Combine(landing, feed, "*.jsonl").Replace("'", "''", StringComparison.Ordinal);
                var target = Path.Combine(output, feed + "-bare.parquet").Replace("'", "''", StringComparison.Ordinal);
                conn.Execute($"COPY (SELECT * FROM read_json('{glob}', ignore_errors = true)) TO '{target}' (FORMAT parquet, COMPRESSION zstd)");
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>One ingest of <paramref name="landing"/> into an empty data folder; checks the accounting when <paramref name="events"/> is given.</summary>
    private static async Task<(double Seconds, IngestSummary Summary, IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases)> Ours(
        PipelineConfig config, string landing, string data, int? events, CancellationToken cancellationToken)
    {
        Fresh(data);
        GC.Collect();
        var service = new IngestService(config, TimeProvider.System) { LandingFolder = landing };
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        var watch = Stopwatch.StartNew();
        var summary = await service.IngestAsync(new DataLayout(data), null, null, cancellationToken);
        var seconds = watch.Elapsed.TotalSeconds;
        if (events is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  ours: {seconds:F2} s; managed allocations {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:N0} MB, collections {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen 0/1/2), paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s"));
        }

        if (summary.Accepted + summary.Quarantined + summary.Duplicates != summary.RowsRead || (events is { } n && summary.RowsRead != n))
        {
            throw new TrendInsightException($"ingest bench: read {summary.RowsRead} of {events} events");
        }

        return (seconds, summary, service.LastPhases);
    }

    /// <summary>CPU time of this process so far (all threads, user and system).</summary>
    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static void Fresh(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static double PeakRssOfIngest(string landing, string data)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "trendinsight.dll");
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-v", "dotnet", cli, "ingest", "--data", data, "--landing", landing })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        // 3: rows were quarantined, which the bench data may plant.
        if (process.ExitCode is not (0 or 3))
        {
            throw new TrendInsightException($"ingest child failed ({process.ExitCode}): {stderr}");
        }

        foreach (var line in stderr.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("Maximum resident set size (kbytes):", StringComparison.Ordinal))
            {
                return double.Parse(trimmed.Split(':')[1].Trim(), CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        throw new TrendInsightException("no peak RSS in /usr/bin/time output: " + stderr);
    }

    private static readonly string[] Phrases =
    [
        "这套国风汉服太好看了😍 求链接！", "國風真的回來了，燈芯絨配馬面裙", "第一次露营🏕️ 天幕和露营椅都是新买的", "多巴胺穿搭 一周不重样",
        "citywalk 路线分享 上海武康路", "美拉德色系秋冬外套 <b>好看</b>", "复古灯芯绒 男女同款", "露营灯 推荐一下", "新中式 盘扣衬衫 通勤也能穿",
    ];

    private static readonly string[] Actions = ["play", "like", "comment", "share", "favorite", "click", "purchase"];
    private static readonly string[] Ages = ["<18", "18-23", "24-30", "31-40", "41-50", "50+"];
    private static readonly string[] Tiers = ["1", "new1", "2", "3", "4", "5"];

    /// <summary>Writes <paramref name="perFeed"/> events per feed in <paramref name="files"/> files; 1 in 1,000 malformed, 1 in 500 repeated.</summary>
    private static long Generate(string landing, int perFeed, int files, bool engagement = true)
    {
        long total = 0;
        var start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));
        foreach (var feed in engagement ? new[] { Feeds.Comments, Feeds.Engagement } : [Feeds.Comments])
        {
            var folder = Path.Combine(landing, feed);
            Directory.CreateDirectory(folder);
            var perFile = perFeed / files;
            var n = 0;
            for (var f = 0; f < files; f++)
            {
                var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{feed}-{f:D3}.jsonl"));
                using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
                {
                    var count = f == files - 1 ? perFeed - (perFile * (files - 1)) : perFile;
                    for (var i = 0; i < count; i++, n++)
                    {
                        var id = n % 500 == 499 ? n - 1 : n;
                        var ts = start.AddSeconds(n * 7L % (40L * 86400)).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
                        var seg = string.Create(CultureInfo.InvariantCulture,
                            $"\"user_id\":\"u{n % 100_000}\",\"age_band\":\"{Ages[n % 6]}\",\"gender\":\"{(n % 3 == 0 ? "m" : "f")}\",\"city_tier\":\"{Tiers[n % 6]}\",\"platform\":\"xhs\"");
                        string line;
                        if (n % 1000 == 999)
                        {
                            line = "{\"event_id\":\"broken";
                        }
                        else if (feed == Feeds.Comments)
                        {
                            line = string.Create(CultureInfo.InvariantCulture,
                                $"{{\"event_id\":\"{feed[0]}{id}\",\"ts\":\"{ts}\",\"content_id\":\"n{n % 5000}\",\"text\":\"{Phrases[n % Phrases.Length]} #{n % 97}\",\"likes\":{n % 300},{seg}}}");
                        }
                        else
                        {
                            line = string.Create(CultureInfo.InvariantCulture,
                                $"{{\"event_id\":\"{feed[0]}{id}\",\"ts\":\"{ts}\",\"content_id\":\"n{n % 5000}\",\"action\":\"{Actions[n % 7]}\",\"count\":{1 + (n % 5)},\"gmv\":{(n % 7 == 6 ? "99.90" : "null")},{seg}}}");
                        }

                        writer.Write(line);
                        writer.Write('\n');
                    }
                }

                total += new FileInfo(path).Length;
            }
        }

        return total;
    }
}
