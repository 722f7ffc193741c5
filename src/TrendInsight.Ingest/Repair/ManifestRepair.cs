using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Ingest.Repair;

/// <summary>
/// <c>trendinsight repair</c>: rebuilds the ingest manifest from the lake when it is missing or unreadable
/// (<see cref="RebuildAsync"/>), and forgets damaged lake files so that their landing files are read again
/// (<see cref="PrepareReingestAsync"/>). Both hold the ingest lock.
/// </summary>
public sealed partial class ManifestRepair
{
    private readonly PipelineConfig _config;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    public ManifestRepair(PipelineConfig config, TimeProvider clock, ILoggerFactory? loggerFactory = null)
    {
        _config = config;
        _clock = clock;
        _log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ManifestRepair>();
    }

    /// <summary>Where landing files are looked for; null means <c>data/landing/</c>.</summary>
    public string? LandingFolder { get; init; }

    /// <summary>Whether the manifest is missing, unreadable, or knows no runs while the lake holds files: what a rebuild is for.</summary>
    public static bool NeedsRebuild(DataLayout layout, out string why)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(layout.Manifest))
        {
            why = "missing";
            return true;
        }

        try
        {
            using var db = ManifestFile.OpenReadOnly(layout);
            using var conn = db.Connect();
            var runs = conn.Scalar<long>("SELECT count(*) FROM runs");
            var lakeHasFiles = Directory.Exists(layout.Raw) && Directory.EnumerateFiles(layout.Raw, "*", SearchOption.AllDirectories).Any();
            why = runs == 0 && lakeHasFiles ? "knows no runs" : string.Empty;
            return why.Length > 0;
        }
        catch (TrendInsightException ex) when (!ex.IsTransient)
        {
            why = "unreadable";
            return true;
        }
    }

    /// <summary>Rebuilds the manifest from the lake; the old one, if any, is moved aside, never deleted.</summary>
    public async Task<RebuildReport> RebuildAsync(DataLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        using var gate = await IngestLock.AcquireAsync(layout, TimeSpan.FromSeconds(_config.Ingest.LockWaitSeconds), _clock, cancellationToken).ConfigureAwait(false);
        return Rebuild(layout);
    }

    /// <summary>
    /// Verifies the lake; for each missing or damaged file, moves what is left of it aside, forgets it, and
    /// forgets its landing files (so the next ingest reads them again) and recomputes the feed's accepted ids
    /// from the files that remain (so no re-read row counts as a duplicate of a row that is gone).
    /// </summary>
    public async Task<ReingestPlan> PrepareReingestAsync(DataLayout layout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        using var gate = await IngestLock.AcquireAsync(layout, TimeSpan.FromSeconds(_config.Ingest.LockWaitSeconds), _clock, cancellationToken).ConfigureAwait(false);
        var landing = LandingFolder ?? layout.Landing;
        using var db = DuckDbDatabase.Open(null, DuckDbConfig.FromEngine(_config.Engine, layout));
        using var conn = db.Connect();
        IngestService.AttachManifest(conn, layout);
        conn.Execute("USE state");
        var report = LakeVerifier.Verify(conn, layout, landing);
        if (report.Ok)
        {
            return new ReingestPlan(report, [], [], [], []);
        }

        var stamp = Stamp();
        var moved = new List<(string, string)>();
        foreach (var p in report.Problems.Where(p => File.Exists(Path.Combine(layout.Root, p.Path))))
        {
            moved.Add(MoveAside(layout, stamp, p.Path));
        }

        var reread = new SortedSet<string>(StringComparer.Ordinal);
        var gone = new SortedSet<string>(StringComparer.Ordinal);
        conn.Execute("BEGIN TRANSACTION");
        foreach (var p in report.Problems)
        {
            conn.ExecuteNonQuery("DELETE FROM state.lake_files WHERE path = $path", ("path", p.Path));
            foreach (var (file, present) in p.FedBy)
            {
                if (present)
                {
                    conn.ExecuteNonQuery("DELETE FROM state.files WHERE feed = $feed AND file_name = $file_name", ("feed", p.Feed), ("file_name", file));
                    conn.ExecuteNonQuery("DELETE FROM state.skipped_files WHERE feed = $feed AND file_name = $file_name", ("feed", p.Feed), ("file_name", file));
                    reread.Add(p.Feed + "/" + file);
                }
                else
                {
                    gone.Add(p.Feed + "/" + file);
                }
            }
        }

        var feeds = report.Problems.Select(p => p.Feed).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var committed = CommittedLake.Query(conn);
        var idFiles = new List<string>();
        foreach (var feed in feeds)
        {
            idFiles.AddRange(RecomputeIds(conn, layout, committed, feed));
        }

        conn.Execute("COMMIT");
        IngestService.DeleteIdFiles(layout, idFiles);
        committed.Publish(layout);
        foreach (var p in report.Problems)
        {
            LogForgotten(_log, p.Path, p.Problem);
        }

        return new ReingestPlan(report, [.. reread], [.. gone], feeds, moved);
    }

    private RebuildReport Rebuild(DataLayout layout)
    {
        var landing = LandingFolder ?? layout.Landing;
        var stamp = Stamp();
        var orphans = new List<(string From, string To)>();
        var parquet = new List<Found>();
        var quarantine = new List<Found>();
        Directory.CreateDirectory(layout.State);
        var tmp = layout.Manifest + ".rebuild";
        File.Delete(tmp);
        File.Delete(tmp + ".wal");

        using var db = DuckDbDatabase.Open(null, DuckDbConfig.FromEngine(_config.Engine, layout));
        using var conn = db.Connect();
        conn.Execute("ATTACH " + SqlScripts.Literal(tmp) + " AS state");
        foreach (var statement in SqlScripts.Load("state_schema.sql"))
        {
            conn.Execute(statement);
        }

        foreach (var (root, kind, pattern) in new[] { (layout.Raw, "parquet", PartFile()), (layout.Quarantine, "quarantine", QuarantineFile()) })
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList())
            {
                var relative = Relative(layout, file);
                var parts = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
                var m = pattern.Match(parts[^1]);
                if (parts.Length == 3 && Feeds.All.Contains(parts[0]) && BusinessCalendar.TryParsePartition(parts[1], out var dt) && m.Success
                    && TryRows(conn, kind, file) is { } rows)
                {
                    var found = new Found(parts[0], dt, relative, m.Groups["run"].Value, rows, m.Groups["n"].Value == "r");
                    (kind == "parquet" ? parquet : quarantine).Add(found);
                }
                else
                {
                    orphans.Add(MoveAside(layout, stamp, relative));
                }
            }
        }

        // A rewritten content/products partition (part-<run>-r) replaced every file of earlier runs in it; a
        // crash before those were deleted leaves them behind.
        foreach (var rewrite in parquet.Where(f => f.Rewrite).ToList())
        {
            foreach (var older in parquet.Where(f => f.Feed == rewrite.Feed && f.Dt == rewrite.Dt && string.CompareOrdinal(f.RunId, rewrite.RunId) < 0).ToList())
            {
                parquet.Remove(older);
                orphans.Add(MoveAside(layout, stamp, older.Path));
            }
        }

        // Which landing file each row came from: source_file in the Parquet and in the quarantine lines.
        var sources = new Dictionary<(string RunId, string Feed, string File), (long Accepted, long Quarantined)>();
        foreach (var feed in parquet.GroupBy(f => f.Feed, StringComparer.Ordinal))
        {
            var byPath = feed.ToDictionary(f => Path.Combine(layout.Root, f.Path), StringComparer.Ordinal);
            var list = "[" + string.Join(", ", byPath.Keys.Select(SqlScripts.Literal)) + "]";
            foreach (var (filename, source, rows) in conn.Query(
                $"SELECT filename, coalesce(source_file, ''), count(*) FROM read_parquet({list}, filename = true, union_by_name = true) GROUP BY ALL",
                r => (r.GetString(0), r.GetString(1), r.GetInt64(2))))
            {
                var f = byPath[filename];
                if (f.Rewrite || source.Length == 0)
                {
                    continue;
                }

                var key = (f.RunId, f.Feed, source);
                sources[key] = (sources.GetValueOrDefault(key).Accepted + rows, sources.GetValueOrDefault(key).Quarantined);
                conn.ExecuteNonQuery("INSERT INTO state.lake_sources VALUES ($run_id, $feed, $dt, $file_name, $rows)",
                    ("run_id", f.RunId), ("feed", f.Feed), ("dt", f.Dt), ("file_name", source), ("rows", rows));
            }

            var schema = FeedSchema.For(feed.Key);
            conn.Execute("CREATE OR REPLACE TEMP VIEW lake_ids AS SELECT \"" + schema.Key + "\" AS id, ts, dt FROM read_parquet("
                + list + ", hive_partitioning = true, union_by_name = true)");
            SqlScripts.Run(conn, schema.LatestWins ? "repair_latest.sql" : "repair_seen.sql", feed.Key);
        }

        foreach (var q in quarantine)
        {
            foreach (var line in File.ReadLines(Path.Combine(layout.Root, q.Path)))
            {
                var source = SourceOf(line);
                var key = (q.RunId, q.Feed, source);
                sources[key] = (sources.GetValueOrDefault(key).Accepted, sources.GetValueOrDefault(key).Quarantined + 1);
            }
        }

        foreach (var f in parquet.Concat(quarantine))
        {
            var full = Path.Combine(layout.Root, f.Path);
            conn.ExecuteNonQuery(
                "INSERT INTO state.lake_files (run_id, feed, kind, dt, path, rows, action, size_bytes, sha256) VALUES ($run_id, $feed, $kind, $dt, $path, $rows, 'added', $size_bytes, $sha256)",
                ("run_id", f.RunId), ("feed", f.Feed), ("kind", quarantine.Contains(f) ? "quarantine" : "parquet"), ("dt", f.Dt), ("path", f.Path),
                ("rows", f.Rows), ("size_bytes", new FileInfo(full).Length), ("sha256", FileChecksum.Sha256(full)));
        }

        // Landing files still in landing are recorded as ingested (the latest run that read them), so the next
        // ingest does not read them again; the lake's rows are theirs.
        var recorded = 0;
        var goneFiles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in sources.Where(s => s.Key.File.Length > 0).GroupBy(s => (s.Key.Feed, s.Key.File)))
        {
            var latest = group.OrderByDescending(s => s.Key.RunId, StringComparer.Ordinal).First();
            var path = Path.Combine(landing, group.Key.Feed, group.Key.File);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                goneFiles.Add(group.Key.Feed + "/" + group.Key.File);
                continue;
            }

            var (accepted, quarantined) = latest.Value;
            conn.ExecuteNonQuery(
                "INSERT INTO state.files (run_id, feed, file_name, sha256, size_bytes, encoding, truncated, rows_read, accepted, quarantined, duplicates, modified_ticks) "
                + "VALUES ($run_id, $feed, $file_name, $sha256, $size_bytes, 'unknown', false, $rows_read, $accepted, $quarantined, 0, $modified_ticks)",
                ("run_id", latest.Key.RunId), ("feed", group.Key.Feed), ("file_name", group.Key.File), ("sha256", FileChecksum.Sha256(path)),
                ("size_bytes", info.Length), ("rows_read", accepted + quarantined), ("accepted", accepted), ("quarantined", quarantined),
                ("modified_ticks", info.LastWriteTimeUtc.Ticks));
            recorded++;
        }

        // Runs, as far as the lake tells them: what each run accepted and quarantined per feed.
        var runs = parquet.Concat(quarantine).Select(f => f.RunId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var run in runs)
        {
            var perFeed = Feeds.All.Select(feed => (
                Feed: feed,
                Accepted: parquet.Where(f => f.RunId == run && f.Feed == feed && !f.Rewrite).Sum(f => f.Rows),
                Quarantined: quarantine.Where(f => f.RunId == run && f.Feed == feed).Sum(f => f.Rows),
                Files: sources.Keys.Count(k => k.RunId == run && k.Feed == feed && k.File.Length > 0)))
                .Where(x => x.Accepted + x.Quarantined > 0 || parquet.Any(f => f.RunId == run && f.Feed == x.Feed))
                .ToList();
            var at = RunStart(run);
            conn.ExecuteNonQuery("INSERT INTO state.runs VALUES ($run_id, $started_at, $finished_at, NULL, $rows_read, $accepted, $quarantined, 0, 0, $files_processed, 0)",
                ("run_id", run), ("started_at", at), ("finished_at", at), ("rows_read", perFeed.Sum(x => x.Accepted + x.Quarantined)),
                ("accepted", perFeed.Sum(x => x.Accepted)), ("quarantined", perFeed.Sum(x => x.Quarantined)), ("files_processed", perFeed.Sum(x => x.Files)));
            foreach (var x in perFeed)
            {
                conn.ExecuteNonQuery("INSERT INTO state.run_feeds VALUES ($run_id, $feed, $rows_read, $accepted, $quarantined, 0, 0, $files_processed, 0)",
                    ("run_id", run), ("feed", x.Feed), ("rows_read", x.Accepted + x.Quarantined), ("accepted", x.Accepted), ("quarantined", x.Quarantined),
                    ("files_processed", x.Files));
            }
        }

        var ids = conn.Query(
            "SELECT feed, count(*) FROM (SELECT feed, id FROM state.seen_ids UNION ALL SELECT feed, id FROM state.latest) GROUP BY feed ORDER BY feed",
            r => (r.GetString(0), r.GetInt64(1)));
        var committed = CommittedLake.Query(conn);
        conn.Execute("CHECKPOINT state");
        conn.Execute("DETACH state");

        string? movedAside = null;
        if (File.Exists(layout.Manifest))
        {
            movedAside = Path.Combine(layout.State, "ingest.duckdb." + stamp + ".bad");
            File.Move(layout.Manifest, movedAside);
            if (File.Exists(layout.Manifest + ".wal"))
            {
                File.Move(layout.Manifest + ".wal", movedAside + ".wal");
            }

            movedAside = Relative(layout, movedAside);
            LogMovedAside(_log, layout.Manifest, movedAside);
        }

        File.Move(tmp, layout.Manifest);

        // The accepted ids are rebuilt from the lake into seen_ids: id files of the old manifest say nothing more.
        if (Directory.Exists(layout.IdFiles))
        {
            Directory.Delete(layout.IdFiles, recursive: true);
        }

        committed.Publish(layout);
        TryRefreshViews(layout);
        return new RebuildReport(movedAside, runs.Count, parquet.Count, parquet.Sum(f => f.Rows), quarantine.Count, quarantine.Sum(f => f.Rows),
            ids, recorded, [.. goneFiles], orphans);
    }

    /// <summary>
    /// Rebuilds the feed's accepted ids (<c>seen_ids</c> or <c>latest</c>) from its committed lake files, and forgets its
    /// id files; returns those, to be deleted once this is committed.
    /// </summary>
    private static IReadOnlyList<string> RecomputeIds(DuckDBConnection conn, DataLayout layout, CommittedLake committed, string feed)
    {
        var schema = FeedSchema.For(feed);
        var files = committed.Feed(feed).Select(f => CommittedLake.FullPath(layout, f)).ToList();
        conn.Execute(files.Count == 0
            ? "CREATE OR REPLACE TEMP VIEW lake_ids AS SELECT NULL::VARCHAR AS id, NULL::TIMESTAMPTZ AS ts, NULL::DATE AS dt WHERE false"
            : "CREATE OR REPLACE TEMP VIEW lake_ids AS SELECT \"" + schema.Key + "\" AS id, ts, dt FROM read_parquet(["
              + string.Join(", ", files.Select(SqlScripts.Literal)) + "], hive_partitioning = true, union_by_name = true)");
        SqlScripts.Run(conn, schema.LatestWins ? "repair_latest.sql" : "repair_seen.sql", feed);
        var idFiles = conn.Query("SELECT path FROM state.id_files WHERE feed = $feed", r => r.GetString(0), ("feed", feed));
        conn.ExecuteNonQuery("DELETE FROM state.id_files WHERE feed = $feed", ("feed", feed));
        return idFiles;
    }

    private void TryRefreshViews(DataLayout layout)
    {
        try
        {
            WarehouseCatalog.RefreshViews(layout, DuckDbConfig.FromEngine(_config.Engine, layout));
        }
        catch (TrendInsightException ex)
        {
            LogViewsFailed(_log, layout.Warehouse, ex.Message);
        }
    }

    private static long? TryRows(DuckDBConnection conn, string kind, string file)
    {
        if (kind == "quarantine")
        {
            return File.ReadLines(file).LongCount(l => l.Length > 0);
        }

        try
        {
            return conn.Scalar<long>(
                "SELECT coalesce(sum(row_group_num_rows), 0)::BIGINT FROM (SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata("
                + SqlScripts.Literal(file) + "))");
        }
        catch (DuckDbException)
        {
            return null;
        }
    }

    private static string SourceOf(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("source_file", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private (string From, string To) MoveAside(DataLayout layout, string stamp, string relative)
    {
        var target = Path.Combine(layout.Orphans, stamp, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(Path.Combine(layout.Root, relative), target);
        var to = Relative(layout, target);
        LogMovedAside(_log, relative, to);
        return (relative, to);
    }

    private string Stamp() => _clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Relative(DataLayout layout, string path) =>
        Path.GetRelativePath(layout.Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static DateTimeOffset RunStart(string runId) =>
        DateTimeOffset.ParseExact(runId[..16], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private sealed record Found(string Feed, DateOnly Dt, string Path, string RunId, long Rows, bool Rewrite);

    [GeneratedRegex(@"^part-(?<run>" + IngestService.RunIdPattern + @")-(?<n>\d+|r)\.parquet$")]
    private static partial Regex PartFile();

    [GeneratedRegex(@"^quarantine-(?<run>" + IngestService.RunIdPattern + @")(?<n>)\.jsonl$")]
    private static partial Regex QuarantineFile();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moved {File} aside to {Target}")]
    private static partial void LogMovedAside(ILogger logger, string file, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forgot {File} ({Problem}): its landing files are read again")]
    private static partial void LogForgotten(ILogger logger, string file, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the views in {Warehouse}: {Message}")]
    private static partial void LogViewsFailed(ILogger logger, string warehouse, string message);
}
