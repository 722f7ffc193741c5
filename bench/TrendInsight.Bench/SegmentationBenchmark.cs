using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TrendInsight.Core;
using TrendInsight.Text;

namespace TrendInsight.Bench;

/// <summary>
/// jieba segmentation (precise mode, HMM on) over a few MB of comment-like lines: this project's
/// segmenter against jieba-rs (<c>@node-rs/jieba</c>, <c>cut(text, true)</c>, run with node on the
/// same file in the same run), single thread; then dictionary load time, RSS after load and
/// multi-thread throughput.
/// </summary>
public sealed class SegmentationBenchmark : IBenchmark
{
    public string Name => "segment";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var targetBytes = context.Quick ? 1_000_000 : 4_000_000;
        var rounds = context.Quick ? 2 : 3;
        var corpusPath = Path.Combine(context.WorkFolder, $"segment-corpus-{targetBytes}.txt");
        var lines = WriteCorpus(corpusPath, targetBytes);
        var bytes = lines.Sum(l => (long)Encoding.UTF8.GetByteCount(l));
        BenchContext.Figure(string.Create(CultureInfo.InvariantCulture, $"corpus lines ({bytes / 1e6:F1} MB UTF-8)"), lines.Count, "lines");

        var rssBefore = CurrentRssMb();
        var watch = Stopwatch.StartNew();
        var cpuStart = CpuMs();
        var segmenter = JiebaSegmenter.Load();
        var loadMs = watch.Elapsed.TotalMilliseconds;
        var loadCpuMs = CpuMs() - cpuStart;
        GC.Collect();
        var rssAfterLoad = CurrentRssMb();

        var tokens = new List<Token>(256);
        foreach (var line in lines.Take(2000))
        {
            tokens.Clear();
            segmenter.Cut(line, tokens);
        }

        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        long tokenCount = 0;
        for (var r = 0; r < rounds; r++)
        {
            tokenCount = 0;
            watch.Restart();
            cpuStart = CpuMs();
            foreach (var line in lines)
            {
                tokens.Clear();
                segmenter.Cut(line, tokens);
                tokenCount += tokens.Count;
            }

            bestCpu = Math.Min(bestCpu, (CpuMs() - cpuStart) / 1000);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        var mb = bytes / 1e6;
        var peer = await RunJiebaRs(corpusPath, rounds, cancellationToken);
        double Peer(string name) => peer?.GetProperty(name).GetDouble() ?? double.NaN;
        BenchContext.Compare("precise+HMM, 1 thread, wall clock", "MB/s", mb / best, "jieba-rs (@node-rs/jieba)", mb / Peer("seconds"));
        BenchContext.Compare("precise+HMM, 1 thread, per CPU second", "MB/s", mb / bestCpu, "jieba-rs (@node-rs/jieba)", mb / Peer("cpuSeconds"));
        var (blockWall, blockCpu) = Blocks(segmenter, lines, rounds);
        BenchContext.Compare("same, 1,000-line blocks, wall clock", "MB/s", mb / blockWall, "jieba-rs (@node-rs/jieba)", mb / Peer("blockSeconds"));
        BenchContext.Compare("same, 1,000-line blocks, per CPU second", "MB/s", mb / blockCpu, "jieba-rs (@node-rs/jieba)", mb / Peer("blockCpuSeconds"));
        BenchContext.Compare("dictionary load, wall clock", "ms", loadMs, "jieba-rs (@node-rs/jieba)", Peer("loadMs"));
        BenchContext.Compare("dictionary load, CPU", "ms", loadCpuMs, "jieba-rs (@node-rs/jieba)", Peer("loadCpuMs"));
        BenchContext.Compare("RSS after load", "MB", rssAfterLoad, "jieba-rs (node process)", Peer("rssAfterLoadMb"));
        BenchContext.Figure("RSS before load", rssBefore, "MB");
        BenchContext.Figure("tokens per round (ours)", tokenCount, "tokens");
        BenchContext.Figure("tokens per round (jieba-rs)", Peer("tokens"), "tokens");
        BenchContext.Figure("search mode, 1 thread, wall clock", Throughput(segmenter, lines, bytes, SegmentMode.Search), "MB/s");

        foreach (var threads in new[] { 1, 2 })
        {
            BenchContext.Figure(string.Create(CultureInfo.InvariantCulture, $"precise+HMM, {threads} thread(s) in parallel"),
                Parallel(segmenter, lines, bytes, threads, rounds), "MB/s");
        }

        Normalize(lines, bytes);
        BenchContext.Figure("peak RSS", BenchContext.PeakRssMb(), "MB");

        // Wall-clock figures depend on what else the machine runs; the per-CPU-second ones much less.
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        BenchContext.Figure("1-minute load average during the run", double.Parse(load, CultureInfo.InvariantCulture), "procs");
    }

    /// <summary>The normaliser over the same lines, and over the lines that hold a character t2s changes.</summary>
    private static void Normalize(List<string> lines, long bytes)
    {
        var watch = Stopwatch.StartNew();
        using var normalizer = TextNormalizer.Create();
        BenchContext.Figure("normaliser start-up (OpenCC + t2s set)", watch.Elapsed.TotalMilliseconds, "ms");
        BenchContext.Figure("t2s set: characters t2s changes", normalizer.ChangingCharacterCount, "chars");
        watch.Restart();
        foreach (var line in lines)
        {
            normalizer.Normalize(line);
        }

        BenchContext.Figure("normalise, 1 thread, wall clock", bytes / 1e6 / watch.Elapsed.TotalSeconds, "MB/s");
        var traditional = lines.Where(l => l.Any(c => normalizer.IsTraditional(c))).ToList();
        var traditionalBytes = traditional.Sum(l => (long)Encoding.UTF8.GetByteCount(l));
        watch.Restart();
        foreach (var line in traditional)
        {
            normalizer.Normalize(line);
        }

        BenchContext.Figure(string.Create(CultureInfo.InvariantCulture, $"normalise lines with traditional chars ({traditional.Count:N0})"),
            traditionalBytes / 1e6 / watch.Elapsed.TotalSeconds, "MB/s");
    }

    private static (double Wall, double Cpu) Blocks(JiebaSegmenter segmenter, List<string> lines, int rounds)
    {
        var blocks = lines.Chunk(1000).Select(c => string.Join('\n', c)).ToList();
        var tokens = new List<Token>(1 << 16);
        var wall = double.MaxValue;
        var cpu = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            var cpuStart = CpuMs();
            foreach (var block in blocks)
            {
                tokens.Clear();
                segmenter.Cut(block, tokens);
            }

            cpu = Math.Min(cpu, (CpuMs() - cpuStart) / 1000);
            wall = Math.Min(wall, watch.Elapsed.TotalSeconds);
        }

        return (wall, cpu);
    }

    private static double Throughput(JiebaSegmenter segmenter, List<string> lines, long bytes, SegmentMode mode)
    {
        var tokens = new List<Token>(256);
        var watch = Stopwatch.StartNew();
        foreach (var line in lines)
        {
            tokens.Clear();
            segmenter.Cut(line, tokens, mode);
        }

        return bytes / 1e6 / watch.Elapsed.TotalSeconds;
    }

    private static double Parallel(JiebaSegmenter segmenter, List<string> lines, long bytes, int threads, int rounds)
    {
        var best = double.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                var tokens = new List<Token>(256);
                for (var i = t; i < lines.Count; i += threads)
                {
                    tokens.Clear();
                    segmenter.Cut(lines[i], tokens);
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return bytes / 1e6 / best;
    }

    private static async Task<JsonElement?> RunJiebaRs(string corpusPath, int rounds, CancellationToken cancellationToken)
    {
        var script = Path.Combine(AssetLocator.Root, "bench", "segmentation-jieba-rs.js");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(AssetLocator.NodeModules);
        start.ArgumentList.Add(corpusPath);
        start.ArgumentList.Add(rounds.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"  jieba-rs peer failed (exit {process.ExitCode}): {(await stderr).Trim()}");
                return null;
            }

            return JsonDocument.Parse(await stdout).RootElement.Clone();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.WriteLine($"  jieba-rs peer not run: node is not installed ({ex.Message})");
            return null;
        }
    }

    /// <summary>
    /// Comment-like lines: one to three of the golden sentences joined with "，" in a seeded random
    /// order, until the file holds <paramref name="targetBytes"/> bytes of UTF-8.
    /// </summary>
    private static List<string> WriteCorpus(string path, int targetBytes)
    {
        var source = File.ReadAllLines(Path.Combine(AssetLocator.Root, "tests", "TrendInsight.Text.Tests", "TestData", "golden", "input.txt"));
        var random = new Random(618);
        var lines = new List<string>();
        long size = 0;
        var builder = new StringBuilder();
        while (size < targetBytes)
        {
            builder.Clear();
            var parts = random.Next(1, 4);
            for (var p = 0; p < parts; p++)
            {
                if (p > 0)
                {
                    builder.Append('，');
                }

                builder.Append(source[random.Next(source.Length)]);
            }

            var line = builder.ToString();
            lines.Add(line);
            size += Encoding.UTF8.GetByteCount(line) + 1;
        }

        File.WriteAllLines(path, lines, new UTF8Encoding(false));
        return lines;
    }

    private static double CpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    private static double CurrentRssMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }
}
