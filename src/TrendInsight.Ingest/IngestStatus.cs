using TrendInsight.Core;
using TrendInsight.Core.Pipeline;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest;

/// <summary>What <c>trendinsight status</c> shows about ingest, read from the manifest (<c>state/ingest.duckdb</c>).</summary>
public sealed record IngestStatus(
    IReadOnlyList<IngestStatus.Run> LastRuns,
    IReadOnlyList<IngestStatus.FeedTotal> Feeds,
    IReadOnlyList<IngestStatus.ReasonTotal> Reasons,
    IReadOnlyList<IngestStatus.Partition> Partitions)
{
    /// <summary>Lake and quarantine files the manifest committed (a summary of what <c>trendinsight verify</c> checks).</summary>
    public int CommittedFiles { get; init; }

    /// <summary>Committed files that are missing or not of their committed size (relative paths); <c>verify</c> also checks checksums.</summary>
    public IReadOnlyList<string> MissingFiles { get; init; } = [];

    /// <summary>One committed run.</summary>
    public sealed record Run(string RunId, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string? Feed, long RowsRead, long Accepted,
        long Quarantined, long Duplicates, long Replaced, int FilesProcessed, int FilesSkipped);

    /// <summary>Totals over all runs for one feed.</summary>
    public sealed record FeedTotal(string Feed, int Runs, long RowsRead, long Accepted, long Quarantined, long Duplicates, long Replaced,
        int FilesProcessed, int FilesSkipped);

    /// <summary>Quarantined rows of one feed by reason, over all runs.</summary>
    public sealed record ReasonTotal(string Feed, string Reason, long Rows);

    /// <summary>A landing file rejected whole by a run (not_gzip, not_text, vanished, unreadable, not_parquet, corrupt_parquet, missing_column:&lt;c&gt;, bad_column:&lt;c&gt;).</summary>
    public sealed record RejectedFile(string RunId, string Feed, string File, string Reason, string Detail);

    /// <summary>The last landing files rejected whole, newest first.</summary>
    public IReadOnlyList<RejectedFile> RejectedFiles { get; init; } = [];

    /// <summary>When a run last brought new landing files of a feed in (finished), per feed.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastIngestByFeed { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>The latest run that read rows; null when none has.</summary>
    public Run? LastRunWithRows { get; init; }

    /// <summary>Rows <see cref="LastRunWithRows"/> quarantined, by feed and reason.</summary>
    public IReadOnlyList<ReasonTotal> LastRunReasons { get; init; } = [];

    /// <summary>Segment values outside the contract that <see cref="LastRunWithRows"/> kept as unknown, by feed, field and value.</summary>
    public IReadOnlyList<UnknownSegmentValue> LastRunUnknownSegments { get; init; } = [];

    /// <summary>
    /// The landing entries the latest run (with rows or not) did not read: an unknown feed folder, a file at the landing root,
    /// an unsupported extension, a symlink …. A run for one feed (<c>ingest --feed</c>) looks at that feed folder only, so
    /// for the rest the latest run that looked at it counts. Empty once runs find none (or for a manifest older than this record).
    /// </summary>
    public IReadOnlyList<LandingRefusal> LastRunRefused { get; init; } = [];

    /// <summary>A segment value (city tier, age band, gender …) outside the landing contract, and the rows that held it.</summary>
    public sealed record UnknownSegmentValue(string Feed, string Field, string Value, long Rows);

    /// <summary>One dt partition of a feed: rows in the lake and in quarantine now.</summary>
    public sealed record Partition(string Feed, DateOnly Dt, long LakeRows, int LakeFiles, long QuarantineRows);

    /// <summary>Reads the manifest; null when no ingest has run in this data folder yet.</summary>
    public static IngestStatus? Read(DataLayout layout, int lastRuns = 10)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var path = IngestService.StatePath(layout);
        if (!File.Exists(path))
        {
            return null;
        }

        var db = ManifestFile.OpenReadOnly(layout);
        using (db)
        {
            using var conn = db.Connect();
            var runs = conn.Query(
                "SELECT run_id, started_at, finished_at, feed_filter, rows_read, accepted, quarantined, duplicates, replaced, files_processed, files_skipped "
                + "FROM runs ORDER BY started_at DESC, run_id DESC LIMIT $last_runs",
                r => new Run(r.GetString(0), r.GetDateTimeOffset(1), r.GetDateTimeOffset(2), r.IsNull(3) ? null : r.GetString(3), r.GetInt64(4),
                    r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt32(9), r.GetInt32(10)),
                ("last_runs", (long)lastRuns));
            var feeds = conn.Query(
                "SELECT feed, count(DISTINCT run_id)::INTEGER, sum(rows_read)::BIGINT, sum(accepted)::BIGINT, sum(quarantined)::BIGINT, "
                + "sum(duplicates)::BIGINT, sum(replaced)::BIGINT, sum(files_processed)::INTEGER, sum(files_skipped)::INTEGER "
                + "FROM run_feeds GROUP BY feed ORDER BY feed",
                r => new FeedTotal(r.GetString(0), r.GetInt32(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6),
                    r.GetInt32(7), r.GetInt32(8)));
            var reasons = conn.Query(
                "SELECT feed, reason, sum(rows)::BIGINT FROM run_reasons GROUP BY feed, reason ORDER BY feed, 3 DESC, reason",
                r => new ReasonTotal(r.GetString(0), r.GetString(1), r.GetInt64(2)));
            var partitions = conn.Query(
                "SELECT feed, dt, "
                + "coalesce(sum(rows) FILTER (WHERE kind = 'parquet'), 0)::BIGINT, count(*) FILTER (WHERE kind = 'parquet')::INTEGER, "
                + "coalesce(sum(rows) FILTER (WHERE kind = 'quarantine'), 0)::BIGINT "
                + "FROM lake_files AS a WHERE action = 'added' "
                + "AND NOT EXISTS (SELECT 1 FROM lake_files AS r WHERE r.action = 'removed' AND r.path = a.path) "
                + "GROUP BY feed, dt ORDER BY feed, dt",
                r => new Partition(r.GetString(0), r.GetDate(1), r.GetInt64(2), r.GetInt32(3), r.GetInt64(4)));
            // A manifest written before files could be rejected has no such table.
            var rejected = !conn.HasTable("rejected_files") ? []
                : conn.Query(
                    "SELECT f.run_id, f.feed, f.file_name, f.reason, f.detail FROM rejected_files AS f JOIN runs USING (run_id) "
                    + "ORDER BY runs.started_at DESC, f.feed, f.file_name LIMIT $limit",
                    r => new RejectedFile(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)),
                    ("limit", (long)lastRuns * 2));
            var committed = conn.Query(ManifestFile.CommittedLakeFilesSql(conn),
                r => (Path: r.GetString(4), Size: r.IsNull(6) ? (long?)null : r.GetInt64(6)));
            var missing = committed.Where(f =>
            {
                var info = new FileInfo(Path.Combine(layout.Root, f.Path));
                return !info.Exists || (f.Size is { } size && info.Length != size);
            }).Select(f => f.Path).ToList();
            var lastIngest = conn.Query(
                "SELECT f.feed, max(r.finished_at) FROM run_feeds AS f JOIN runs AS r USING (run_id) WHERE f.files_processed > 0 GROUP BY f.feed",
                r => (Feed: r.GetString(0), At: r.GetDateTimeOffset(1))).ToDictionary(x => x.Feed, x => x.At, StringComparer.Ordinal);
            var lastWithRows = conn.Query(
                "SELECT run_id, started_at, finished_at, feed_filter, rows_read, accepted, quarantined, duplicates, replaced, files_processed, files_skipped "
                + "FROM runs WHERE rows_read > 0 ORDER BY started_at DESC, run_id DESC LIMIT 1",
                r => new Run(r.GetString(0), r.GetDateTimeOffset(1), r.GetDateTimeOffset(2), r.IsNull(3) ? null : r.GetString(3), r.GetInt64(4),
                    r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt32(9), r.GetInt32(10))).FirstOrDefault();
            IReadOnlyList<ReasonTotal> lastReasons = [];
            IReadOnlyList<UnknownSegmentValue> unknown = [];
            if (lastWithRows is not null)
            {
                lastReasons = conn.Query(
                    "SELECT feed, reason, sum(rows)::BIGINT FROM run_reasons WHERE run_id = $run_id GROUP BY feed, reason ORDER BY 3 DESC, feed, reason",
                    r => new ReasonTotal(r.GetString(0), r.GetString(1), r.GetInt64(2)), ("run_id", lastWithRows.RunId));

                // Written by ingests that count segment values outside the contract; older manifests have no such table.
                unknown = !conn.HasTable("unknown_segment_values") ? []
                    : conn.Query(
                        "SELECT feed, field, value, sum(rows)::BIGINT FROM unknown_segment_values WHERE run_id = $run_id "
                        + "GROUP BY feed, field, value ORDER BY 4 DESC, feed, field, value",
                        r => new UnknownSegmentValue(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)), ("run_id", lastWithRows.RunId));
            }

            // Written by ingests that record what they did not read; older manifests have no such table.
            var refused = !conn.HasTable("landing_refusals") ? []
                : conn.Query(Lake.SqlScripts.Load("last_run_refusals.sql")[0],
                    r => new LandingRefusal(r.GetString(0), r.GetString(1), r.GetString(2)));

            return new IngestStatus(runs, feeds, reasons, partitions)
            {
                CommittedFiles = committed.Count,
                MissingFiles = missing,
                RejectedFiles = rejected,
                LastIngestByFeed = lastIngest,
                LastRunWithRows = lastWithRows,
                LastRunReasons = lastReasons,
                LastRunUnknownSegments = unknown,
                LastRunRefused = refused,
            };
        }
    }
}
