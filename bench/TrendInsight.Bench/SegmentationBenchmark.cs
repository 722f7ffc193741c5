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
/// multi-thread throughput; then jieba.NET's own <c>JiebaSegmenter.Cut</c>; last, the share of lines
/// each gives exactly as python jieba 0.42.1 (Debian python3-jieba, run on the same file).
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
        var rsCuts = Path.Combine(context.WorkFolder, "segment-cuts-jieba-rs.jsonl");
        var pythonCuts = Path.Combine(context.WorkFolder, "segment-cuts-python.jsonl");
        File.Delete(rsCuts);
        File.Delete(pythonCuts);
        var peer = await RunPeer("node", [Path.Combine(AssetLocator.Root, "bench", "segmentation-jieba-rs.js"), AssetLocator.NodeModules, corpusPath,
            rounds.ToString(CultureInfo.InvariantCulture), rsCuts], "jieba-rs", cancellationToken);
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

        // jieba.NET last: its process-wide dictionary stays loaded, and it is slow enough for one round
        var reference = JiebaNet(lines, mb);
        var python = await RunPeer("/usr/bin/python3", [Path.Combine(AssetLocator.Root, "bench", "segmentation-python-jieba.py"), corpusPath, pythonCuts],
            "python jieba", cancellationToken);
        if (python is { } oracle)
        {
            BenchContext.Figure("python jieba 0.42.1 (the oracle), 1 thread", mb / oracle.GetProperty("seconds").GetDouble(), "MB/s");
            var expected = File.ReadAllLines(pythonCuts);
            var ours = Agreement(expected, i => segmenter.Cut(lines[i]));
            var rs = File.Exists(rsCuts) ? Agreement(expected, File.ReadAllLines(rsCuts)) : double.NaN;
            var net = Agreement(expected, i => reference[i]);
            BenchContext.Compare("lines identical to python jieba", "%", ours, "jieba-rs (@node-rs/jieba)", rs);
            BenchContext.Compare("lines identical to python jieba", "%", ours, "jieba.NET (JiebaSegmenter.Cut)", net);
            // jieba.NET cuts a character outside the BMP (an emoji) into its two UTF-16 halves
            var bmp = Enumerable.Range(0, lines.Count).Where(i => !lines[i].Any(char.IsSurrogate)).ToArray();
            var bmpExpected = bmp.Select(i => expected[i]).ToArray();
            BenchContext.Compare(string.Create(CultureInfo.InvariantCulture, $"same, the {bmp.Length:N0} lines without emoji"), "%",
                Agreement(bmpExpected, k => segmenter.Cut(lines[bmp[k]])), "jieba.NET (JiebaSegmenter.Cut)", Agreement(bmpExpected, k => reference[bmp[k]]));
        }

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

    /// <summary>
    /// jieba.NET's own segmenter (<c>JiebaSegmenter.Cut(line, cutAll: false, hmm: true)</c>) over the
    /// same lines, one round: load time, wall and CPU throughput.
    /// </summary>
    private static List<string>[] JiebaNet(List<string> lines, double mb)
    {
        var watch = Stopwatch.StartNew();
        var reference = JiebaNetSegmenter.Load();
        BenchContext.Figure("jieba.NET dictionary load, wall clock", watch.Elapsed.TotalMilliseconds, "ms");
        foreach (var line in lines.Take(2000))
        {
            _ = reference.Cut(line).Count();
        }

        var cuts = new List<string>[lines.Count];
        watch.Restart();
        var cpuStart = CpuMs();
        for (var i = 0; i < lines.Count; i++)
        {
            cuts[i] = reference.Cut(lines[i]).ToList();
        }

        var wall = watch.Elapsed.TotalSeconds;
        var cpu = (CpuMs() - cpuStart) / 1000;
        BenchContext.Figure("jieba.NET precise+HMM, 1 thread, wall clock", mb / wall, "MB/s");
        BenchContext.Figure("jieba.NET precise+HMM, 1 thread, per CPU second", mb / cpu, "MB/s");
        return cuts;
    }

    private static double Agreement(string[] expected, Func<int, IEnumerable<string>> cut)
    {
        var same = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            if (JsonSerializer.Deserialize<string[]>(expected[i])!.SequenceEqual(cut(i), StringComparer.Ordinal))
            {
                same++;
            }
        }

        return 100.0 * same / expected.Length;
    }

    private static double Agreement(string[] expected, string[] peer) =>
        peer.Length == expected.Length ? Agreement(expected, i => JsonSerializer.Deserialize<string[]>(peer[i])!) : double.NaN;

    /// <summary>Runs a peer or the oracle as its own process; it prints one JSON object.</summary>
    private static async Task<JsonElement?> RunPeer(string program, string[] arguments, string name, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"  {name} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
                return null;
            }

            return JsonDocument.Parse(await stdout).RootElement.Clone();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.WriteLine($"  {name} not run: {program} is not installed ({ex.Message})");
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
