using System.IO.Compression;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;
using TrendInsight.Ingest.Reading;
using TrendInsight.Text;

namespace TrendInsight.Ingest.Check;

/// <summary>
/// <c>trendinsight validate</c>: a dry run of ingest over landing files and folders. Each file goes through ingest's
/// own listing (<see cref="LandingScan"/>), probe, reader and validator; valid rows go to an in-memory staging table
/// (to count ids the file holds twice), rejected ones to a tally that keeps the first few of each reason. Nothing
/// is written to the data folder: no lake, quarantine, manifest, log or view. The lake and the manifest are not
/// consulted either, so a row that an earlier run accepted is not counted as a duplicate here.
/// </summary>
public sealed class LandingCheck
{
    private readonly PipelineConfig _config;
    private readonly TimeProvider _clock;

    public LandingCheck(PipelineConfig config, TimeProvider clock)
    {
        _config = config;
        _clock = clock;
    }

    /// <summary>How many rows of each reason are shown per file.</summary>
    public int Examples { get; init; } = 3;

    /// <summary>
    /// Checks each of <paramref name="paths"/>: a landing root (holding <c>&lt;feed&gt;/</c> folders), a feed folder (its
    /// name is the feed) or a single file (its folder's name is the feed). <paramref name="feed"/> names the feed
    /// instead. A path that does not exist, or a file whose feed cannot be told, is an error.
    /// </summary>
    public LandingCheckReport Run(IReadOnlyList<string> paths, string? feed, CancellationToken cancellationToken)
    {
        if (feed is not null)
        {
            FeedSchema.For(feed);
        }

        var ignored = new List<LandingRefusal>();
        var plan = new List<(string Feed, string Path)>();
        foreach (var path in paths)
        {
            Plan(path, feed, plan, ignored);
        }

        // A file named twice (by its folder and by itself) is checked once.
        plan = [.. plan.DistinctBy(p => p.Path, StringComparer.Ordinal)];
        var verdicts = new List<FileVerdict>();
        if (plan.Count == 0)
        {
            return new LandingCheckReport(verdicts, ignored);
        }

        var temp = Directory.CreateTempSubdirectory("trendinsight-validate-").FullName;
        try
        {
            var duckConfig = new DuckDbConfig
            {
                Threads = _config.Engine.Threads > 0 ? _config.Engine.Threads : null,
                MemoryLimit = _config.Ingest.MemoryLimit,
                TempDirectory = temp,
            };
            duckConfig.Options["preserve_insertion_order"] = "false";
            using var db = DuckDbDatabase.Open(null, duckConfig);
            using var conn = db.Connect();
            using var normalizer = TextNormalizer.Create();
            var now = _clock.GetUtcNow();
            var hashes = new Dictionary<(string Feed, string Sha256), string>();
            foreach (var (fileFeed, path) in plan)
            {
                cancellationToken.ThrowIfCancellationRequested();
                verdicts.Add(CheckFile(db, conn, normalizer, now, fileFeed, path, hashes, cancellationToken));
            }
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }

        return new LandingCheckReport(verdicts, ignored);
    }

    private void Plan(string path, string? feed, List<(string Feed, string Path)> plan, List<LandingRefusal> ignored)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var scan = new LandingScan(_config.Ingest, (f, p, reason) => Ignore(ignored, f, p, reason));
        if (Directory.Exists(full))
        {
            var name = Path.GetFileName(full);
            if (feed is not null && !IsFeed(name) && Directory.Exists(Path.Combine(full, feed)))
            {
                plan.AddRange(scan.ListFeed(feed, Path.Combine(full, feed)).Select(f => (feed, f)));
            }
            else if (feed is not null || IsFeed(name))
            {
                var parent = Path.GetFileName(Path.GetDirectoryName(full)) ?? string.Empty;
                if (feed is null && IsFeed(parent) && scan.Matches(name))
                {
                    Ignore(ignored, parent, full, scan.SubfolderReason(parent, name));
                    return;
                }

                plan.AddRange(scan.ListFeed(feed ?? name, full).Select(f => (feed ?? name, f)));
            }
            else
            {
                // A folder named near a feed that holds files itself is more likely a misnamed feed folder than a landing root.
                var near = LandingScan.NearestFeed(name);
                var hinted = near is null ? scan
                    : new LandingScan(_config.Ingest, (f, p, reason) => Ignore(ignored, f, p,
                        f.Length == 0 && File.Exists(p) ? $"{name}/ is not a feed folder; did you mean '{near}'? (rename it, or give --feed {near})" : reason));
                hinted.CheckRoot(full);
                foreach (var f in Feeds.All)
                {
                    plan.AddRange(scan.ListFeed(f, Path.Combine(full, f)).Select(p => (f, p)));
                }
            }

            return;
        }

        if (!File.Exists(full) && !LandingScan.IsLink(full))
        {
            throw new TrendInsightException($"{path}: no such file or folder");
        }

        var folder = Path.GetFileName(Path.GetDirectoryName(full)) ?? string.Empty;
        var fileFeed = feed ?? (IsFeed(folder) ? folder : null);
        if (fileFeed is null)
        {
            var near = LandingScan.NearestFeed(folder);
            throw new TrendInsightException($"{path}: cannot tell its feed: its folder '{folder}' is not a feed"
                + (near is null ? string.Empty : $" (did you mean '{near}'?)") + $"; give --feed ({LandingScan.FeedList})");
        }

        var file = Path.GetFileName(full);
        if (!scan.Matches(file))
        {
            Ignore(ignored, fileFeed, full, scan.UnsupportedReason(file));
        }
        else if (!_config.Ingest.FollowSymlinks && LandingScan.IsLink(full))
        {
            Ignore(ignored, fileFeed, full, LandingScan.SymlinkReason);
        }
        else
        {
            plan.Add((fileFeed, full));
        }
    }

    private FileVerdict CheckFile(DuckDbDatabase db, DuckDB.NET.Data.DuckDBConnection conn, TextNormalizer normalizer, DateTimeOffset now,
        string feed, string path, Dictionary<(string Feed, string Sha256), string> hashes, CancellationToken cancellationToken)
    {
        var format = LandingFormat.IsParquet(path) ? "parquet" : LandingFormat.IsCsv(path) ? "csv" : "jsonl";
        var verdict = new FileVerdict { Feed = feed, Path = path, Format = format };
        FileProbe probe;
        try
        {
            probe = IngestService.Probe(path, feed, FileProbe.Open, _config.Ingest.MaxLineBytes, cancellationToken);
        }
        catch (Exception e) when (LandingFileException.ReasonOf(e) is { } failure)
        {
            return verdict with { Rejection = failure, RejectionDetail = e.Message };
        }

        verdict = verdict with { SizeBytes = probe.SizeBytes, Gzip = probe.Compressed };
        if (probe.Rejection is { } rejection)
        {
            return verdict with { Rejection = rejection, RejectionDetail = probe.RejectionDetail ?? rejection };
        }

        if (format != "parquet")
        {
            verdict = verdict with { Encoding = probe.Encoding == LandingEncoding.Gb18030 ? "gb18030" : "utf-8", Bom = StartsWithBom(path, probe.Compressed) };
        }

        if (!hashes.TryAdd((feed, probe.Sha256), path))
        {
            return verdict with { SameContentAs = hashes[(feed, probe.Sha256)] };
        }

        var schema = FeedSchema.For(feed);
        var sink = new ExampleSink(Examples);
        var reader = LandingFileReader.ForFeed(schema, _config.Ingest, normalizer.Normalize, now, sink, FileProbe.Open);
        var file = new FileTally
        {
            FileName = Path.GetFileName(path),
            Seq = 0,
            Sha256 = probe.Sha256,
            SizeBytes = probe.SizeBytes,
            ModifiedTicks = 0,
            Encoding = verdict.Encoding ?? string.Empty,
        };
        conn.Execute(schema.StagingDdl("staging"));
        try
        {
            using (var staging = new StagingWriter(db, LandingFileReader.Workers))
            {
                try
                {
                    reader.Read(path, probe, file, staging.Appenders, cancellationToken);
                }
                catch (LandingFileException e)
                {
                    return verdict with { Rejection = e.Reason, RejectionDetail = e.Message };
                }

                staging.Complete();
            }

            var (staged, distinct) = conn.Query("SELECT count(*), count(DISTINCT row_key) FROM staging", r => (r.GetInt64(0), r.GetInt64(1))).Single();
            return verdict with
            {
                RowsRead = file.RowsRead,
                WouldAccept = distinct,
                Duplicates = staged - distinct,
                Quarantined = file.Quarantined,
                Truncated = file.Truncated,
                Reasons = [.. file.Reasons.Select(r => new ReasonVerdict(r.Key, r.Value, sink.Examples.GetValueOrDefault(r.Key) ?? []))],
                UnknownSegments = [.. file.UnknownSegments.Select(u => new UnknownSegment(u.Key.Field, u.Key.Value, u.Value))
                    .OrderByDescending(u => u.Rows).ThenBy(u => u.Field, StringComparer.Ordinal).ThenBy(u => u.Value, StringComparer.Ordinal)],
            };
        }
        finally
        {
            conn.Execute("DROP TABLE IF EXISTS staging");
        }
    }

    /// <summary>Whether the (decompressed) text starts with the UTF-8 byte order mark <c>EF BB BF</c>.</summary>
    private static bool StartsWithBom(string path, bool gzip)
    {
        try
        {
            using var file = FileProbe.Open(path);
            using var text = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            Span<byte> head = stackalloc byte[3];
            var read = 0;
            while (read < head.Length && text.Read(head[read..]) is var n && n > 0)
            {
                read += n;
            }

            return read == 3 && head.SequenceEqual("\uFEFF"u8);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsFeed(string name) => Feeds.All.Contains(name, StringComparer.Ordinal);

    private static void Ignore(List<LandingRefusal> ignored, string feed, string path, string reason)
    {
        if (!ignored.Exists(r => string.Equals(r.Path, path, StringComparison.Ordinal)))
        {
            ignored.Add(new LandingRefusal(feed, path, reason));
        }
    }
}
