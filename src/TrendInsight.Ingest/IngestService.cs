using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;
using TrendInsight.Ingest.Reading;
using TrendInsight.Ingest.Validation;
using TrendInsight.Text;

namespace TrendInsight.Ingest;

/// <summary>
/// Landing files → validated, deduplicated, Hive-partitioned Parquet in <c>data/lake/raw/</c>, exactly once.
/// </summary>
/// <remarks>
/// One run: take the cross-process lock; undo what a crashed run left (files of uncommitted runs);
/// read every new landing file (skipping any whose SHA-256 was ingested before) into a DuckDB staging
/// table, rejected rows into quarantine files; deduplicate in SQL against the ids already in the lake;
/// write Parquet and quarantine under a temporary folder; move them into place; commit the manifest
/// (runs, files, hashes, counts, accepted ids) in one DuckDB transaction; finally delete partition
/// files that a newer version of content/products replaced. A crash before the commit leaves files
/// named by an uncommitted run id, which the next start deletes; a crash after it leaves only
/// replaced files, which the next start deletes too. Either way every accepted row is in the lake once.
/// </remarks>
public sealed partial class IngestService : IIngestService
{
    /// <summary>Environment variable naming a point where a run stops and waits to be killed (crash tests): before-rename, after-rename, after-manifest.</summary>
    public const string PauseVariable = "TRENDINSIGHT_INGEST_PAUSE_AT";

    /// <summary>File created when the run reaches the pause point.</summary>
    public const string PauseMarkerVariable = "TRENDINSIGHT_INGEST_PAUSE_MARKER";

    private readonly PipelineConfig _config;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    public IngestService(PipelineConfig config, TimeProvider clock, ILoggerFactory? loggerFactory = null)
    {
        _config = config;
        _clock = clock;
        _log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<IngestService>();
    }

    /// <summary>The manifest database: <c>state/ingest.duckdb</c>.</summary>
    public static string StatePath(DataLayout layout) => Path.Combine(layout.State, "ingest.duckdb");

    /// <summary>Where landing files are read from; null means <c>data/landing/</c> of the layout.</summary>
    public string? LandingFolder { get; init; }

    /// <summary>What the last call did per feed (for the CLI's summary table).</summary>
    public IReadOnlyList<FeedTally> LastFeeds { get; private set; } = [];

    /// <summary>Where the last call spent its time: reading and validating, deduplicating and writing Parquet, committing, refreshing views.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> LastPhases { get; private set; } = [];

    public async Task<IngestSummary> IngestAsync(DataLayout layout, string? feed, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var feeds = feed is null ? Feeds.All : [FeedSchema.For(feed).Feed];
        using var gate = await IngestLock.AcquireAsync(layout, TimeSpan.FromSeconds(_config.Ingest.LockWaitSeconds), _clock, cancellationToken)
            .ConfigureAwait(false);
        return await Task.Run(() => Run(layout, feed, feeds, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private IngestSummary Run(DataLayout layout, string? feedFilter, IReadOnlyList<string> feeds, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _clock.GetUtcNow();
        var runId = NewRunId(started);
        var tempRoot = Path.Combine(layout.State, "ingest-tmp", runId);
        Directory.CreateDirectory(layout.State);

        var duckConfig = DuckDbConfig.FromEngine(_config.Engine, layout);
        duckConfig.MemoryLimit = _config.Ingest.MemoryLimit;
        duckConfig.Options["preserve_insertion_order"] = "false";
        using var db = DuckDbDatabase.Open(null, duckConfig);
        using var conn = db.Connect();
        conn.Execute("ATTACH " + SqlScripts.Literal(StatePath(layout)) + " AS state");
        foreach (var statement in SqlScripts.Load("state_schema.sql"))
        {
            conn.Execute(statement);
        }

        Recover(conn, layout);
        Directory.CreateDirectory(tempRoot);

        using var normalizer = TextNormalizer.Create();
        var tallies = new List<FeedTally>();
        var files = new List<(string Feed, FileTally File)>();
        var skipped = new List<(string Feed, string File, string Sha, long Size, string SameAs, long Modified)>();
        var lakeFiles = new List<LakeFile>();
        using var manifest = new ManifestTransaction(db);

        var landing = LandingFolder ?? layout.Landing;
        var plan = feeds.ToDictionary(f => f, f => ListLandingFiles(Path.Combine(landing, f), _config.Ingest.Patterns), StringComparer.Ordinal);
        var totalBytes = plan.Values.SelectMany(f => f).Sum(f => new FileInfo(f).Length);
        var totalFiles = plan.Values.Sum(f => f.Count);
        var watch = Stopwatch.StartNew();
        var reading = new Stopwatch();
        var deduplicating = new Stopwatch();
        long doneBytes = 0, doneRows = 0;
        var fileIndex = 0;

        using (var quarantine = new QuarantineWriter(tempRoot, runId))
        {
            foreach (var feed in feeds)
            {
                var schema = FeedSchema.For(feed);
                var tally = new FeedTally { Feed = feed };
                tallies.Add(tally);
                conn.Execute(schema.StagingDdl("staging"));
                var validator = new RowValidator(schema, _config.Ingest, normalizer.Normalize, started);
                var reader = new LandingFileReader(schema, validator, quarantine, BusinessCalendar.DateOf(started));
                var feedFiles = new List<FileTally>();
                var hashesThisRun = new Dictionary<string, string>(StringComparer.Ordinal);

                // A file still in landing under the name, size and write time it was ingested with is done;
                // it is neither hashed again nor counted. A new name, or a file rewritten since, is hashed:
                // same content as a file already ingested = a redelivery, skipped.
                var done = conn.Query(
                    "SELECT file_name, size_bytes, coalesce(modified_ticks, -1) FROM state.files WHERE feed = $feed "
                    + "UNION SELECT file_name, size_bytes, coalesce(modified_ticks, -1) FROM state.skipped_files WHERE feed = $feed",
                    r => (r.GetString(0), r.GetInt64(1), r.GetInt64(2)), ("feed", feed)).ToHashSet();
                reading.Start();
                using (var staging = new StagingWriter(db, LandingFileReader.Workers))
                {
                    var appenders = staging.Appenders;
                    var landingFiles = plan[feed].Select(path =>
                    {
                        var info = new FileInfo(path);
                        var name = Path.GetFileName(path);
                        var finished = done.Contains((name, info.Length, info.LastWriteTimeUtc.Ticks)) || done.Contains((name, info.Length, -1));
                        return (Path: path, Name: name, Size: info.Length, Modified: info.LastWriteTimeUtc.Ticks, Done: finished);
                    }).ToList();

                    // The next new file is hashed and probed while this one is read: probing is a pass of its own
                    // over the file, on one core.
                    var probes = new Dictionary<int, Task<FileProbe>>();
                    Task<FileProbe> ProbeOf(int i) => probes.TryGetValue(i, out var t) ? t
                        : probes[i] = Task.Run(() => FileProbe.Run(landingFiles[i].Path, cancellationToken), cancellationToken);
                    for (var index = 0; index < landingFiles.Count; index++)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        fileIndex++;
                        var (path, name, size, modified, isDone) = landingFiles[index];
                        if (isDone)
                        {
                            doneBytes += size;
                            continue;
                        }

                        var probing = ProbeOf(index);
                        var next = landingFiles.FindIndex(index + 1, f => !f.Done);
                        if (next >= 0)
                        {
                            ProbeOf(next);
                        }

                        var probe = probing.GetAwaiter().GetResult();
                        probes.Remove(index);
                        var sameAs = hashesThisRun.GetValueOrDefault(probe.Sha256) ?? conn.Query(
                            "SELECT file_name FROM state.files WHERE feed = $feed AND sha256 = $sha256 LIMIT 1",
                            r => r.GetString(0), ("feed", feed), ("sha256", probe.Sha256)).FirstOrDefault();
                        if (sameAs is not null)
                        {
                            tally.FilesSkipped++;
                            skipped.Add((feed, name, probe.Sha256, probe.SizeBytes, sameAs, modified));
                            LogSkipped(_log, feed, name, sameAs);
                            doneBytes += probe.SizeBytes;
                            continue;
                        }

                        hashesThisRun[probe.Sha256] = name;
                        var file = new FileTally
                        {
                            FileName = name,
                            Seq = feedFiles.Count,
                            Sha256 = probe.Sha256,
                            SizeBytes = probe.SizeBytes,
                            ModifiedTicks = modified,
                            Encoding = probe.Encoding == LandingEncoding.Gb18030 ? "gb18030" : "utf-8",
                        };
                        var before = doneBytes;
                        var rowsBefore = doneRows;
                        reader.Progress = (bytes, rows) =>
                        {
                            var seconds = Math.Max(watch.Elapsed.TotalSeconds, 0.001);
                            progress?.Report(new StageProgress("ingest", string.Create(CultureInfo.InvariantCulture,
                                $"{feed}/{name} · file {fileIndex}/{totalFiles} · {rowsBefore + rows:N0} rows · {(rowsBefore + rows) / seconds:N0} rows/s"),
                                before + bytes, totalBytes));
                        };
                        reader.Read(path, probe, file, tally, appenders, cancellationToken);
                        doneBytes += probe.SizeBytes;
                        doneRows += file.RowsRead;
                        tally.FilesProcessed++;
                        tally.RowsRead += file.RowsRead;
                        feedFiles.Add(file);
                        files.Add((feed, file));
                        LogFile(_log, feed, name, file.RowsRead, file.Quarantined, file.Encoding);
                    }

                    staging.Complete();
                }

                reading.Stop();
                deduplicating.Start();
                lakeFiles.AddRange(Deduplicate(conn, manifest, schema, tally, feedFiles, layout, tempRoot, runId));
                deduplicating.Stop();
                conn.Execute(schema.LatestWins ? "DROP TABLE IF EXISTS final" : "DROP VIEW IF EXISTS final");
                conn.Execute("DROP TABLE IF EXISTS losers; DROP TABLE IF EXISTS staging; DROP TABLE IF EXISTS superseded");
            }

            foreach (var (feed, dt, relative, rows) in quarantine.Close())
            {
                lakeFiles.Add(new LakeFile(feed, "quarantine", dt, Path.GetRelativePath(layout.Root, Path.Combine(layout.Quarantine, Path.GetRelativePath("quarantine", relative))), rows, "added", Path.Combine(tempRoot, relative)));
            }
        }

        foreach (var t in tallies)
        {
            if (t.RowsRead != t.Accepted + t.Quarantined + t.Duplicates)
            {
                throw new TrendInsightException(string.Create(CultureInfo.InvariantCulture,
                    $"ingest {runId} {t.Feed}: rows read {t.RowsRead} != accepted {t.Accepted} + quarantined {t.Quarantined} + duplicates {t.Duplicates}"));
            }
        }

        var committing = Stopwatch.StartNew();
        PauseIf("before-rename");
        foreach (var file in lakeFiles.Where(f => f.Action == "added"))
        {
            var target = Path.Combine(layout.Root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file.TempPath!, target, overwrite: true);
        }

        PauseIf("after-rename");
        Commit(manifest, runId, started, feedFilter, tallies, files, skipped, lakeFiles);
        PauseIf("after-manifest");
        foreach (var file in lakeFiles.Where(f => f.Action == "removed"))
        {
            File.Delete(Path.Combine(layout.Root, file.Path));
        }

        TryDeleteFolder(Path.Combine(layout.State, "ingest-tmp"));
        LastFeeds = tallies;
        committing.Stop();
        var refreshing = Stopwatch.StartNew();

        var partitions = lakeFiles.Where(f => f.Kind == "parquet" && f.Action == "added").Select(f => f.Dt).Distinct().Order().ToList();
        if (lakeFiles.Any(f => f.Kind == "parquet"))
        {
            RefreshWarehouse(layout);
        }

        LastPhases =
        [
            ("read, validate, stage", reading.Elapsed), ("deduplicate, write Parquet", deduplicating.Elapsed),
            ("rename, commit manifest", committing.Elapsed), ("refresh views", refreshing.Elapsed),
        ];
        LogPhases(_log, runId, reading.Elapsed.TotalSeconds, deduplicating.Elapsed.TotalSeconds, committing.Elapsed.TotalSeconds, refreshing.Elapsed.TotalSeconds);

        var summary = new IngestSummary(
            tallies.Sum(t => t.RowsRead), tallies.Sum(t => t.Accepted), tallies.Sum(t => t.Quarantined), tallies.Sum(t => t.Duplicates),
            tallies.Sum(t => t.FilesProcessed), tallies.Sum(t => t.FilesSkipped), partitions);
        LogRun(_log, runId, summary.RowsRead, summary.Accepted, summary.Quarantined, summary.Duplicates, summary.FilesProcessed, summary.FilesSkipped);
        return summary;
    }

    private void RefreshWarehouse(DataLayout layout)
    {
        try
        {
            WarehouseCatalog.RefreshViews(layout);
        }
        catch (TrendInsightException ex)
        {
            // The lake and manifest are committed; the views are a convenience that the next run or stage refreshes.
            LogViewsFailed(_log, layout.Warehouse, ex.Message);
        }
    }

    private static List<string> ListLandingFiles(string folder, IEnumerable<string> patterns)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return patterns
            .SelectMany(p => Directory.EnumerateFiles(folder, p, SearchOption.TopDirectoryOnly))
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string NewRunId(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-"
        + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));

    private static void PauseIf(string point)
    {
        if (!string.Equals(Environment.GetEnvironmentVariable(PauseVariable), point, StringComparison.Ordinal))
        {
            return;
        }

        var marker = Environment.GetEnvironmentVariable(PauseMarkerVariable);
        if (!string.IsNullOrEmpty(marker))
        {
            File.WriteAllText(marker, point);
        }

        Thread.Sleep(Timeout.Infinite);
    }

    private static void TryDeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One file of a run in the lake or quarantine, relative to the data folder.</summary>
    private sealed record LakeFile(string Feed, string Kind, DateOnly Dt, string Path, long Rows, string Action, string? TempPath);
}
