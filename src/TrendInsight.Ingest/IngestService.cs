using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
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
/// One run: take the cross-process lock; undo what a crashed run left (files of runs journaled as started
/// that never committed; files of no known run are moved aside to <c>data/orphans/</c>);
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

    /// <summary>Where the current run spends its time, step by step (<see cref="LastPhases"/>).</summary>
    private PhaseTimes _times = new();

    /// <summary>Accepted rows of this run per feed, partition and landing file (<c>state.lake_sources</c>).</summary>
    private readonly List<(string Feed, DateOnly Dt, string File, long Rows)> _sources = [];

    public IngestService(PipelineConfig config, TimeProvider clock, ILoggerFactory? loggerFactory = null)
    {
        _config = config;
        _clock = clock;
        _log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<IngestService>();
    }

    /// <summary>The manifest database: <c>state/ingest.duckdb</c>.</summary>
    public static string StatePath(DataLayout layout) => layout.Manifest;

    /// <summary>Where landing files are read from; null means <c>data/landing/</c> of the layout.</summary>
    public string? LandingFolder { get; init; }

    /// <summary>Opens a landing file for reading; tests put failures in here.</summary>
    internal Func<string, Stream> OpenLanding { get; init; } = FileProbe.Open;

    /// <summary>What the last call did per feed (for the CLI's summary table).</summary>
    public IReadOnlyList<FeedTally> LastFeeds { get; private set; } = [];

    /// <summary>
    /// Where the last call spent its time: reading and validating, deduplicating and writing Parquet, committing,
    /// refreshing views; each followed by its steps (named <c>› step</c>). Steps done beside others (the probe of the
    /// next file, the workers, the manifest's insert of accepted ids) add up across threads.
    /// </summary>
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
        _sources.Clear();
        _idFiles.Clear();
        _foldedIdFiles.Clear();
        _times = new PhaseTimes();
        var tempRoot = Path.Combine(layout.State, "ingest-tmp", runId);
        Directory.CreateDirectory(layout.State);

        var duckConfig = DuckDbConfig.FromEngine(_config.Engine, layout);
        duckConfig.MemoryLimit = _config.Ingest.MemoryLimit;
        duckConfig.Options["preserve_insertion_order"] = "false";

        // The manifest's big writes are ids (unique strings: the latest content and product versions, event ids
        // folded into seen_ids), for which DuckDB's dictionary compression is analysed in vain; without it they are
        // compressed with FSST. Inserting 1.5M event ids into a new manifest took 0.37 s of CPU instead of
        // 0.55-0.58 s; the table came out about 40% larger (9.7 MB against 6.8-7.1 MB).
        duckConfig.Options["disabled_compression_methods"] = "dictionary";
        var lakeFilesAtStart = CountLakeFiles(layout);
        if (!File.Exists(layout.Manifest) && lakeFilesAtStart > 0)
        {
            throw new TrendInsightException(string.Create(CultureInfo.InvariantCulture,
                $"the ingest manifest {layout.Manifest} is missing but the lake holds {lakeFilesAtStart:N0} files; run `trendinsight repair` to rebuild it from the lake"));
        }

        using var db = DuckDbDatabase.Open(null, duckConfig);
        using var conn = db.Connect();
        AttachManifest(conn, layout);
        if (lakeFilesAtStart > 0 && conn.Scalar<long>("SELECT (SELECT count(*) FROM state.runs) + (SELECT count(*) FROM state.started_runs)") == 0)
        {
            throw new TrendInsightException(string.Create(CultureInfo.InvariantCulture,
                $"the ingest manifest {layout.Manifest} knows no runs but the lake holds {lakeFilesAtStart:N0} files; run `trendinsight repair` to rebuild it from the lake"));
        }

        var (committedLake, orphans) = Recover(conn, layout);
        var missing = committedLake.Files.Where(f => !CommittedLake.Present(layout, f)).Select(f => f.Path).ToList();
        foreach (var path in missing)
        {
            LogMissing(_log, path);
        }

        // The journal entry is committed before anything of this run reaches the lake: files named by a run
        // that started and never committed are a crash's leftovers, and only those are deleted on recovery.
        conn.ExecuteNonQuery("INSERT INTO state.started_runs VALUES ($run_id, $started_at, $pid)", ("run_id", runId), ("started_at", started), ("pid", Environment.ProcessId));
        Directory.CreateDirectory(tempRoot);

        using var normalizer = TextNormalizer.Create();
        var tallies = new List<FeedTally>();
        var files = new List<(string Feed, FileTally File)>();
        var skipped = new List<(string Feed, string File, string Sha, long Size, string SameAs, long Modified)>();
        var lakeFiles = new List<LakeFile>();
        using var manifest = new ManifestTransaction(db);

        var landing = LandingFolder ?? layout.Landing;
        var refused = new List<LandingRefusal>();
        var scan = new LandingScan(_config.Ingest, (f, path, reason) => Refuse(refused, f, path, reason));
        if (feedFilter is null)
        {
            scan.CheckRoot(landing);
        }

        var plan = feeds.ToDictionary(f => f, f => scan.ListFeed(f, Path.Combine(landing, f)), StringComparer.Ordinal);
        var totalBytes = plan.Values.SelectMany(f => f).Sum(SizeOf);
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
                var reader = LandingFileReader.ForFeed(schema, _config.Ingest, normalizer.Normalize, started, quarantine, OpenLanding);
                var feedFiles = new List<FileTally>();
                var failedSeqs = new List<int>();
                var nextSeq = 0;
                var hashesThisRun = new Dictionary<string, string>(StringComparer.Ordinal);

                // A file still in landing under the name, size and write time it was ingested with is done;
                // it is neither hashed again nor counted. A new name, or a file rewritten since, is hashed:
                // same content as a file already ingested = a redelivery, skipped.
                var done = conn.Query(
                    "SELECT file_name, size_bytes, coalesce(modified_ticks, -1) FROM state.files WHERE feed = $feed "
                    + "UNION SELECT file_name, size_bytes, coalesce(modified_ticks, -1) FROM state.skipped_files WHERE feed = $feed "
                    + "UNION SELECT file_name, size_bytes, modified_ticks FROM state.rejected_files WHERE feed = $feed "
                    + "AND (reason IN ('not_gzip', 'not_text', 'not_parquet', 'corrupt_parquet') OR reason LIKE 'missing_column:%' OR reason LIKE 'bad_column:%')",
                    r => (r.GetString(0), r.GetInt64(1), r.GetInt64(2)), ("feed", feed)).ToHashSet();
                reading.Start();
                using (var room = plan[feed].Any(LandingFormat.IsParquet) ? ParquetReaderRoom.Make(conn, _config.Ingest.MemoryLimit) : null)
                using (var staging = new StagingWriter(db, LandingFileReader.Workers))
                {
                    var appenders = staging.Appenders;
                    var landingFiles = plan[feed].Select(path =>
                    {
                        var info = new FileInfo(path);
                        var name = Path.GetFileName(path);
                        var size = SizeOf(path);
                        var finished = done.Contains((name, size, info.LastWriteTimeUtc.Ticks)) || done.Contains((name, size, -1));
                        return (Path: path, Name: name, Size: size, Modified: info.LastWriteTimeUtc.Ticks, Done: finished);
                    }).ToList();

                    // The next new file is hashed and probed while this one is read: probing is a pass of its own
                    // over the file, on one core.
                    var probes = new Dictionary<int, Task<FileProbe>>();
                    Task<FileProbe> ProbeOf(int i) => probes.TryGetValue(i, out var t) ? t
                        : probes[i] = Task.Run(() => _times.Time(ProbeStep, () => Probe(landingFiles[i].Path, feed, cancellationToken)), cancellationToken);
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

                        // Listed as a plain file, but a source may have swapped in a link since.
                        if (!_config.Ingest.FollowSymlinks && LandingScan.IsLink(path))
                        {
                            Refuse(refused, feed, path, LandingScan.SymlinkReason);
                            continue;
                        }

                        var probing = ProbeOf(index);
                        var next = landingFiles.FindIndex(index + 1, f => !f.Done);
                        if (next >= 0)
                        {
                            ProbeOf(next);
                        }

                        probes.Remove(index);
                        FileProbe probe;
                        try
                        {
                            var waitStart = Stopwatch.GetTimestamp();
                            probe = probing.GetAwaiter().GetResult();
                            _times.AddSince(ProbeWaitStep, waitStart);
                        }
                        catch (Exception e) when (LandingFileException.ReasonOf(e) is { } failure)
                        {
                            RejectFile(tally, name, size, modified, failure, e.Message);
                            doneBytes += size;
                            continue;
                        }

                        if (probe.Rejection is { } rejection)
                        {
                            RejectFile(tally, name, probe.SizeBytes, modified, rejection, probe.RejectionDetail ?? rejection);
                            doneBytes += probe.SizeBytes;
                            continue;
                        }

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

                        var file = new FileTally
                        {
                            FileName = name,
                            Seq = nextSeq++,
                            Sha256 = probe.Sha256,
                            SizeBytes = probe.SizeBytes,
                            ModifiedTicks = modified,
                            Encoding = probe.Encoding == LandingEncoding.Gb18030 ? "gb18030" : "utf-8",
                            KnownBad = conn.Query("SELECT line_hash FROM state.quarantined_lines WHERE feed = $feed AND file_name = $file_name",
                                r => r.GetInt64(0), ("feed", feed), ("file_name", name)).ToHashSet(),
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
                        try
                        {
                            reader.Read(path, probe, file, appenders, _times, cancellationToken);
                        }
                        catch (LandingFileException e)
                        {
                            // Gone or unreadable half-way: what was staged and quarantined of it is dropped; it is read
                            // again, whole, by a later run.
                            failedSeqs.Add(file.Seq);
                            quarantine.Discard(feed, name);
                            RejectFile(tally, name, probe.SizeBytes, modified, e.Reason, e.Message);
                            doneBytes += probe.SizeBytes;
                            continue;
                        }

                        hashesThisRun[probe.Sha256] = name;
                        doneBytes += probe.SizeBytes;
                        doneRows += file.RowsRead;
                        tally.Add(file);
                        feedFiles.Add(file);
                        files.Add((feed, file));
                        LogFile(_log, feed, name, file.RowsRead, file.Quarantined, file.Encoding);
                    }

                    _times.Time("read › commit staged rows", staging.Complete);
                }

                DropFailedFiles(conn, failedSeqs, feedFiles);
                RecordRejects(manifest, tempRoot, runId, tally, feedFiles);

                reading.Stop();
                deduplicating.Start();
                lakeFiles.AddRange(Deduplicate(db, conn, manifest, schema, tally, feedFiles, layout, tempRoot, runId, committedLake));
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
        var checksumStart = Stopwatch.GetTimestamp();
        lakeFiles = [.. lakeFiles.Select(f => f.TempPath is null ? f : f with { SizeBytes = new FileInfo(f.TempPath).Length, Sha256 = FileChecksum.Sha256(f.TempPath) })];
        _times.AddSince("commit › SHA-256 of written files", checksumStart);
        PauseIf("before-rename");
        foreach (var file in lakeFiles.Where(f => f.Action == "added"))
        {
            var target = Path.Combine(layout.Root, file.Path);
            if (file.Kind == "quarantine")
            {
                QuarantineWriter.CreatePrivateFolders(layout.Quarantine, Path.GetDirectoryName(target)!);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file.TempPath!, target, overwrite: true);
        }

        _times.Time("commit › SHA-256 and move of id files", () => PlaceIdFiles(layout));
        PauseIf("after-rename");
        Commit(manifest, layout, runId, started, feedFilter, tallies, files, skipped, lakeFiles, refused);
        PauseIf("after-manifest");
        _times.Time("commit › publish lake file list", () => CommittedLake.Query(conn).Publish(layout));
        foreach (var file in lakeFiles.Where(f => f.Action == "removed"))
        {
            File.Delete(Path.Combine(layout.Root, file.Path));
        }

        DeleteFoldedIdFiles(layout);

        TryDeleteFolder(Path.Combine(layout.State, "ingest-tmp"));
        LastFeeds = tallies;
        committing.Stop();
        var refreshing = Stopwatch.StartNew();

        var partitions = lakeFiles.Where(f => f.Kind == "parquet" && f.Action == "added").Select(f => f.Dt).Distinct().Order().ToList();
        if (lakeFiles.Any(f => f.Kind == "parquet"))
        {
            RefreshWarehouse(layout);
        }

        var steps = _times.Snapshot();
        LastPhases =
        [
            ("read, validate, stage", reading.Elapsed), .. StepsOf(steps, "read"),
            ("deduplicate, write Parquet", deduplicating.Elapsed), .. StepsOf(steps, "dedup"),
            ("rename, commit manifest", committing.Elapsed), .. StepsOf(steps, "commit"),
            ("refresh views", refreshing.Elapsed),
        ];
        LogPhases(_log, runId, reading.Elapsed.TotalSeconds, deduplicating.Elapsed.TotalSeconds, committing.Elapsed.TotalSeconds, refreshing.Elapsed.TotalSeconds);

        var summary = new IngestSummary(
            tallies.Sum(t => t.RowsRead), tallies.Sum(t => t.Accepted), tallies.Sum(t => t.Quarantined), tallies.Sum(t => t.Duplicates),
            tallies.Sum(t => t.FilesProcessed), tallies.Sum(t => t.FilesSkipped), partitions)
        {
            FilesRejected = tallies.Sum(t => t.RejectedFiles.Count),
            Refused = refused,
            MissingLakeFiles = missing,
            Orphans = orphans,
            UnknownSegments = [.. tallies.SelectMany(t => t.UnknownSegments.Select(u => (t.Feed, u.Key.Field, u.Key.Value, u.Value)))],
        };
        LogRun(_log, runId, summary.RowsRead, summary.Accepted, summary.Quarantined, summary.Duplicates, summary.FilesProcessed, summary.FilesSkipped);
        return summary;
    }

    private const string ProbeStep = "read › probe files (hash, encoding), beside reading";
    private const string ProbeWaitStep = "read › waiting for a probe";

    private static IEnumerable<(string Phase, TimeSpan Elapsed)> StepsOf(IReadOnlyList<(string Phase, TimeSpan Elapsed)> steps, string phase) =>
        steps.Where(s => s.Phase.StartsWith(phase + " › ", StringComparison.Ordinal)).Select(s => ("› " + s.Phase[(phase.Length + 3)..], s.Elapsed));

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

    private FileProbe Probe(string path, string feed, CancellationToken cancellationToken) =>
        Probe(path, feed, OpenLanding, _config.Ingest.MaxLineBytes, cancellationToken);

    /// <summary>Hash, encoding and gzip health of a text file; hash and a full read of a Parquet file, which is rejected whole when that fails.</summary>
    internal static FileProbe Probe(string path, string feed, Func<string, Stream> open, int maxLineBytes, CancellationToken cancellationToken) =>
        LandingFormat.IsParquet(path) ? ParquetProbe.Run(path, open, RequiredFields.For(feed), cancellationToken)
            : FileProbe.Run(path, open, maxLineBytes, cancellationToken);

    private void RejectFile(FeedTally tally, string name, long size, long modified, string reason, string detail)
    {
        tally.RejectedFiles.Add((name, reason, detail));
        tally.RejectedFileSizes.Add((size, modified));
        LogRejectedFile(_log, tally.Feed, name, reason, detail);
    }

    /// <summary>Removes the staged rows of files that failed half-way and renumbers the files after them (file_seq indexes the file list).</summary>
    private static void DropFailedFiles(DuckDBConnection conn, List<int> failedSeqs, List<FileTally> files)
    {
        foreach (var seq in Enumerable.Reverse(failedSeqs))
        {
            conn.ExecuteNonQuery("DELETE FROM staging WHERE file_seq = $seq", ("seq", seq));
            conn.ExecuteNonQuery("UPDATE staging SET file_seq = file_seq - 1 WHERE file_seq > $seq", ("seq", seq));
            foreach (var file in files.Where(f => f.Seq > seq))
            {
                file.Seq--;
            }
        }
    }

    /// <summary>
    /// Queues into the manifest transaction the files this feed rejected whole and the hashes of the lines it
    /// quarantined (through a JSON file: they can be many, and the transaction's connection sees no table made since it began).
    /// </summary>
    private static void RecordRejects(ManifestTransaction manifest, string tempRoot, string runId, FeedTally tally, List<FileTally> files)
    {
        var feed = tally.Feed;
        var rejected = tally.RejectedFiles.Zip(tally.RejectedFileSizes).ToList();
        string? hashes = null;
        if (files.Any(f => f.BadLineHashes.Count > 0))
        {
            hashes = Path.Combine(tempRoot, "quarantined-lines-" + feed + ".jsonl");
            using var stream = File.Create(hashes);
            using var json = new System.Text.Json.Utf8JsonWriter(stream);
            foreach (var file in files)
            {
                foreach (var hash in file.BadLineHashes)
                {
                    json.WriteStartObject();
                    json.WriteString("file_name", file.FileName);
                    json.WriteNumber("line_hash", hash);
                    json.WriteEndObject();
                    json.Flush();
                    json.Reset();
                    stream.WriteByte((byte)'\n');
                }
            }
        }

        if (rejected.Count == 0 && hashes is null)
        {
            return;
        }

        manifest.Enqueue(c =>
        {
            foreach (var ((name, reason, detail), (size, modified)) in rejected)
            {
                c.ExecuteNonQuery("INSERT INTO state.rejected_files VALUES ($run_id, $feed, $file_name, $size_bytes, $modified_ticks, $reason, $detail)",
                    ("run_id", runId), ("feed", feed), ("file_name", name), ("size_bytes", size), ("modified_ticks", modified), ("reason", reason), ("detail", detail));
            }

            if (hashes is not null)
            {
                c.ExecuteNonQuery("INSERT INTO state.quarantined_lines SELECT $run_id, $feed, file_name, line_hash FROM read_json("
                    + SqlScripts.Literal(hashes) + ", format = 'newline_delimited', columns = {file_name: 'VARCHAR', line_hash: 'BIGINT'})", ("run_id", runId), ("feed", feed));
            }
        });
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Attaches the manifest as <c>state</c> and brings its schema up to date. A manifest that DuckDB cannot
    /// open (damaged, or not a database) stops the run with a message naming <c>trendinsight repair</c>.
    /// </summary>
    internal static void AttachManifest(DuckDBConnection conn, DataLayout layout)
    {
        try
        {
            conn.Execute("ATTACH " + SqlScripts.Literal(layout.Manifest) + " AS state");
            foreach (var statement in SqlScripts.Load("state_schema.sql"))
            {
                conn.Execute(statement);
            }
        }
        catch (DuckDbException ex) when (!IsLockConflict(ex))
        {
            throw new TrendInsightException(
                $"the ingest manifest {layout.Manifest} is unreadable ({FirstLine(ex.Message)}); run `trendinsight repair` to rebuild it from the lake", inner: ex);
        }
    }

    /// <summary>Whether DuckDB failed to open a file because another process holds its lock.</summary>
    internal static bool IsLockConflict(DuckDbException ex) =>
        ex.Message.Contains("Could not set lock", StringComparison.Ordinal) || ex.Message.Contains("Conflicting lock", StringComparison.Ordinal);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>Files in the raw lake (any name): a lake that is not empty needs a manifest that knows it.</summary>
    private static int CountLakeFiles(DataLayout layout) =>
        Directory.Exists(layout.Raw) ? Directory.EnumerateFiles(layout.Raw, "*", SearchOption.AllDirectories).Count() : 0;

    private void Refuse(List<LandingRefusal> refused, string feed, string path, string reason)
    {
        if (refused.Exists(r => string.Equals(r.Path, path, StringComparison.Ordinal)))
        {
            return;
        }

        refused.Add(new LandingRefusal(feed, path, reason));
        LogRefused(_log, feed.Length == 0 ? "landing" : feed, path, reason);
    }

    /// <summary>The shape of a run id (<see cref="NewRunId"/>), as it stands in the names of lake and quarantine files.</summary>
    internal const string RunIdPattern = @"\d{8}T\d{6}Z-[0-9a-f]{6}";

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
    private sealed record LakeFile(string Feed, string Kind, DateOnly Dt, string Path, long Rows, string Action, string? TempPath)
    {
        public long? SizeBytes { get; init; }

        public string? Sha256 { get; init; }
    }
}
