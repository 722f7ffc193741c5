using System.Diagnostics;

namespace TrendInsight.EndToEnd.Tests;

/// <summary>
/// The ingest manifest is the only truth about what the lake holds: a lost manifest, a lost partition, an
/// uncommitted run and a foreign file, driven through the CLI on a small simulated world. Each case compares
/// row counts and a per-feed <c>sum(hash(columns(*)))</c> with a clean run.
/// </summary>
public sealed class ManifestTests : IDisposable
{
    private static readonly string[] FeedNames = ["search", "comments", "engagement", "content", "products"];
    private readonly string root = Directory.CreateTempSubdirectory("ti-e2e-manifest-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Data => Path.Combine(root, "data");

    [Fact]
    public void Ingest_ManifestDeletedAndLandingPruned_StopsWithoutTouchingTheLakeAndRepairRestoresIt()
    {
        var clean = SimulateAndIngest(Data);
        File.Delete(Path.Combine(Data, "state", "ingest.duckdb"));
        var pruned = Directory.GetFiles(Path.Combine(Data, "landing", "comments")).Order(StringComparer.Ordinal).Take(2).ToList();
        pruned.ForEach(File.Delete);

        var ingest = Cli("ingest");

        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("trendinsight repair", ingest.Stderr, StringComparison.Ordinal);
        Assert.Single(ingest.Stderr.Trim().Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", ingest.Stderr, StringComparison.Ordinal);
        Assert.Equal(clean, Fingerprint(Data));

        var verify = Cli("verify");
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("trendinsight repair", verify.Stderr, StringComparison.Ordinal);

        var repair = Cli("repair");
        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Contains("repair: the manifest was missing; rebuilt it from the lake", repair.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 named in the lake are gone from landing", repair.Stdout, StringComparison.Ordinal);
        Assert.Contains("verify: ", repair.Stdout, StringComparison.Ordinal);
        Assert.Contains(": 0 missing, 0 damaged", repair.Stdout, StringComparison.Ordinal);

        var again = Cli("ingest");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(clean, Fingerprint(Data));
        Assert.Contains("rows read 0 = accepted 0", Unwrap(again.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public void Status_CorruptManifest_SaysUnreadableAndIngestStopsNamingRepair()
    {
        var clean = SimulateAndIngest(Data);
        File.WriteAllBytes(Path.Combine(Data, "state", "ingest.duckdb"), [.. Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7919 % 251))]);

        var status = Cli("status");
        var ingest = Cli("ingest");

        Assert.True(status.ExitCode == 0, status.ToString());
        var said = Unwrap(status.Stdout);
        Assert.Contains("is unreadable", said, StringComparison.Ordinal);
        Assert.DoesNotContain("in use by a running ingest", said, StringComparison.Ordinal);
        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("run `trendinsight repair`", ingest.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", ingest.Stderr, StringComparison.Ordinal);

        var repair = Cli("repair");
        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Contains("the old one is kept as state/ingest.duckdb.", repair.Stdout, StringComparison.Ordinal);
        Assert.Equal(clean, Fingerprint(Data));
        Assert.Equal(0, Cli("verify").ExitCode);
    }

    [Fact]
    public void Verify_PartitionDeleted_NamesItAndItsLandingFilesAndRepairReingestRestoresIt()
    {
        var clean = SimulateAndIngest(Data);
        var partition = Path.Combine(Data, "lake", "raw", "comments", "dt=2026-11-19");
        foreach (var file in Directory.GetFiles(partition, "*.parquet"))
        {
            File.Delete(file);
        }

        var status = Cli("status");
        var ingest = Cli("ingest");
        var analyze = Cli("analyze", "--date", "2026-11-20");
        var verify = Cli("verify");

        Assert.Contains("1 of ", Unwrap(status.Stdout), StringComparison.Ordinal);
        Assert.Contains("committed files missing or changed", Unwrap(status.Stdout), StringComparison.Ordinal);
        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("the lake is damaged", ingest.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, analyze.ExitCode);
        Assert.Contains("trendinsight verify", analyze.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains(": 1 missing, 0 damaged", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("missing: lake/raw/comments/dt=2026-11-19/part-", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("fed by landing comments/2026-11-19.jsonl", verify.Stdout, StringComparison.Ordinal);

        var repair = Cli("repair", "--reingest");

        Assert.True(repair.ExitCode == 0, repair.ToString());
        Assert.Contains("forgot lake/raw/comments/dt=2026-11-19/part-", repair.Stdout, StringComparison.Ordinal);
        Assert.Contains(": 0 missing, 0 damaged", repair.Stdout, StringComparison.Ordinal);
        Assert.Equal(clean, Fingerprint(Data));
        Assert.Equal(0, Cli("verify").ExitCode);
    }

    [Fact]
    public void RepairReingest_LandingFileGoneToo_SaysSoAndFails()
    {
        SimulateAndIngest(Data);
        foreach (var file in Directory.GetFiles(Path.Combine(Data, "lake", "raw", "search", "dt=2026-11-20"), "*.parquet"))
        {
            File.Delete(file);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(Data, "landing", "search")))
        {
            File.Delete(file);
        }

        var repair = Cli("repair", "--reingest");

        Assert.Equal(1, repair.ExitCode);
        Assert.Contains("landing search/2026-11-20.jsonl is gone: the rows it fed cannot be restored from it", repair.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_UncommittedRunAndForeignFile_AreNotReadAndTheNextIngestMovesTheForeignFileAside()
    {
        var clean = SimulateAndIngest(Data);
        var more = Path.Combine(root, "more");
        Assert.Equal(0, CliProcess.Run(null, "simulate", "--days", "2", "--end", "2026-11-22", "--seed", "6", "--scale", "0.01", "--out", more).ExitCode);
        CopyTree(more, Path.Combine(Data, "landing"));

        // An ingest killed after its files are in the lake, before its manifest commit.
        var marker = Path.Combine(root, "paused");
        using (var running = CliProcess.Start(
            new Dictionary<string, string> { ["TRENDINSIGHT_INGEST_PAUSE_AT"] = "after-rename", ["TRENDINSIGHT_INGEST_PAUSE_MARKER"] = marker },
            "--data", Data, "ingest"))
        {
            var watch = Stopwatch.StartNew();
            while (!File.Exists(marker) && !running.HasExited && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(100);
            }

            running.Kill(entireProcessTree: true);
            running.WaitForExit();
        }

        Assert.True(File.Exists(marker), "the ingest never reached after-rename");
        Assert.True(Directory.Exists(Path.Combine(Data, "lake", "raw", "comments", "dt=2026-11-22")));
        var committedComment = Directory.GetFiles(Path.Combine(Data, "lake", "raw", "comments", "dt=2026-11-18"), "*.parquet").Single();
        var foreign = Path.Combine(Path.GetDirectoryName(committedComment)!, "part-zzz.parquet");
        File.Copy(committedComment, foreign);

        Assert.Equal(clean, Fingerprint(Data));

        var ingest = Cli("ingest");
        Assert.True(ingest.ExitCode is 0 or 3, ingest.ToString());
        Assert.Contains("moved aside: lake/raw/comments/dt=2026-11-18/part-zzz.parquet -> orphans/", Unwrap(ingest.Stdout), StringComparison.Ordinal);
        Assert.False(File.Exists(foreign));

        var reference = Path.Combine(root, "reference");
        CopyTree(Path.Combine(Data, "landing"), Path.Combine(reference, "landing"));
        Assert.Contains(CliProcess.Run(null, "--data", reference, "ingest").ExitCode, new[] { 0, 3 });
        Assert.Equal(Fingerprint(reference), Fingerprint(Data));
    }

    [Fact]
    public void Sql_MovedDataFolder_ReadsItsLakeAndACopiedWarehouseNeverReadsTheOriginal()
    {
        var clean = SimulateAndIngest(Data);
        var moved = Path.Combine(root, "moved");
        Directory.Move(Data, moved);

        Assert.Equal(clean, Fingerprint(moved));

        var alone = Path.Combine(root, "alone");
        Directory.CreateDirectory(alone);
        File.Copy(Path.Combine(moved, "warehouse.duckdb"), Path.Combine(alone, "warehouse.duckdb"));
        var copied = CliProcess.Run(null, "--data", alone, "sql", "select count(*) from comments", "--format", "csv");

        Assert.NotEqual(0, copied.ExitCode);
        Assert.DoesNotContain(moved, copied.Stderr, StringComparison.Ordinal);
        Assert.Contains("lake/raw/comments/dt=", copied.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_CopiedDataFolder_DoesNotSegmentTheDaysAgain()
    {
        SimulateAndIngest(Data);
        var first = Cli("analyze", "--date", "2026-11-20");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("(5 days of terms built)", Unwrap(first.Stdout), StringComparison.Ordinal);

        var copy = Path.Combine(root, "copy");
        CopyTree(Data, copy, touch: true);
        var second = CliProcess.Run(null, "--data", copy, "analyze", "--date", "2026-11-20");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("(0 days of terms built)", Unwrap(second.Stdout), StringComparison.Ordinal);
    }

    private string SimulateAndIngest(string data)
    {
        var simulated = CliProcess.Run(null, "simulate", "--days", "5", "--end", "2026-11-20", "--seed", "5", "--scale", "0.01", "--out", Path.Combine(data, "landing"));
        Assert.True(simulated.ExitCode == 0, simulated.ToString());
        // Exit code 3: the simulator plants bad rows, which ingest quarantines.
        var ingest = CliProcess.Run(null, "--data", data, "ingest");
        Assert.True(ingest.ExitCode == 3, ingest.ToString());
        return Fingerprint(data);
    }

    /// <summary>Per feed, through the warehouse's views: row count and <c>sum(hash(columns(*)))</c>.</summary>
    private static string Fingerprint(string data) => string.Join('\n', FeedNames.Select(feed =>
    {
        var result = CliProcess.Run(null, "--data", data, "sql", $"select '{feed}', count(*), sum(hash(columns(*))) from {feed}", "--format", "csv");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim().Split('\n')[^1];
    }));

    private CliResult Cli(params string[] args) => CliProcess.Run(null, ["--data", Data, .. args]);

    private static string Unwrap(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries));

    /// <summary>Copies a folder; <paramref name="touch"/> gives every copy a new write time, as <c>cp -r</c> does.</summary>
    private static void CopyTree(string from, string to, bool touch = false)
    {
        var now = DateTime.UtcNow;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            if (touch)
            {
                File.SetLastWriteTimeUtc(target, now);
            }
        }
    }
}
