using System.Globalization;
using System.Text.RegularExpressions;
using TrendInsight.Core;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Ingest;

public sealed partial class IngestService
{
    /// <summary>Deduplicates the staged rows of one feed and writes them as Parquet under the run's temporary folder.</summary>
    private List<LakeFile> Deduplicate(DuckDbConnection conn, FeedSchema schema, FeedTally tally, List<FileTally> files, DataLayout layout, string tempRoot, string runId)
    {
        var feed = schema.Feed;
        SqlScripts.Run(conn, schema.LatestWins ? "dedup_latest.sql" : "dedup_events.sql", feed);

        var perFile = conn.Query("SELECT file_seq, count(*) FROM final GROUP BY file_seq", r => (Seq: r.GetInt32(0), Rows: r.GetInt64(1)))
            .ToDictionary(x => x.Seq, x => x.Rows);
        foreach (var file in files)
        {
            file.Accepted = perFile.GetValueOrDefault(file.Seq);
            tally.Accepted += file.Accepted;
            tally.Duplicates += file.Duplicates;
        }

        conn.ExecuteNonQuery("INSERT INTO accepted_keys SELECT $1, row_key, ts, dt, $2 FROM final", feed, schema.LatestWins);
        var result = new List<LakeFile>();
        if (tally.Accepted > 0)
        {
            var outDir = Path.Combine(tempRoot, "lake", feed);
            Directory.CreateDirectory(Path.GetDirectoryName(outDir)!);
            conn.Execute(string.Create(CultureInfo.InvariantCulture,
                $"COPY (SELECT {schema.LakeSelect([.. files.OrderBy(f => f.Seq).Select(f => f.FileName)])}, dt FROM final) TO {SqlScripts.Literal(outDir)} "
                + $"(FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), FILENAME_PATTERN {SqlScripts.Literal("part-" + runId + "-{i}")})"));
            var rowsPerDt = conn.Query("SELECT dt, count(*) FROM final GROUP BY dt", r => (Dt: r.GetDate(0), Rows: r.GetInt64(1)))
                .ToDictionary(x => x.Dt, x => x.Rows);
            result.AddRange(Collect(conn, layout, feed, outDir, runId, rowsPerDt));
        }

        if (schema.LatestWins)
        {
            tally.Replaced = conn.Scalar<long>("SELECT count(*) FROM superseded");
            var dts = conn.Query("SELECT DISTINCT dt FROM superseded ORDER BY dt", r => r.GetDate(0));
            var rewriteRoot = Path.Combine(tempRoot, "rewrite", feed);
            foreach (var dt in dts)
            {
                var partition = layout.RawPartition(feed, dt);
                var existing = Directory.Exists(partition)
                    ? Directory.GetFiles(partition, "*.parquet").Order(StringComparer.Ordinal).ToList()
                    : [];
                if (existing.Count == 0)
                {
                    continue;
                }

                conn.ExecuteNonQuery("CREATE OR REPLACE TABLE rewrite_ids AS SELECT id FROM superseded WHERE dt = $1", dt);
                var source = "read_parquet([" + string.Join(", ", existing.Select(SqlScripts.Literal)) + "], hive_partitioning = false)";
                var keep = $"SELECT * FROM {source} WHERE \"{schema.Key}\" NOT IN (SELECT id FROM rewrite_ids)";
                foreach (var old in existing)
                {
                    result.Add(new LakeFile(feed, "parquet", dt, Path.GetRelativePath(layout.Root, old), ParquetRows(conn, old), "removed", null));
                }

                if (conn.Scalar<long>($"SELECT count(*) FROM ({keep})") == 0)
                {
                    continue;
                }

                var folder = Path.Combine(rewriteRoot, BusinessCalendar.Partition(dt));
                Directory.CreateDirectory(folder);
                var target = Path.Combine(folder, $"part-{runId}-r.parquet");
                conn.Execute($"COPY ({keep}) TO {SqlScripts.Literal(target)} (FORMAT parquet, COMPRESSION zstd)");
                result.Add(new LakeFile(feed, "parquet", dt, Path.GetRelativePath(layout.Root, Path.Combine(partition, Path.GetFileName(target))),
                    ParquetRows(conn, target), "added", target));
            }

            conn.Execute("DROP TABLE IF EXISTS rewrite_ids");
        }

        return result;
    }

    private static IEnumerable<LakeFile> Collect(DuckDbConnection conn, DataLayout layout, string feed, string outDir, string runId, Dictionary<DateOnly, long> rowsPerDt)
    {
        var all = Directory.EnumerateFiles(outDir, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var perFolder = all.GroupBy(f => Path.GetDirectoryName(f)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var file in all)
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (!BusinessCalendar.TryParsePartition(folder, out var dt))
            {
                throw new TrendInsightException($"ingest {runId}: unexpected partition folder {file}");
            }

            var target = Path.Combine(layout.RawPartition(feed, dt), Path.GetFileName(file));
            // One file per partition (the usual case): its rows are the partition's; otherwise ask the file.
            var rows = perFolder[Path.GetDirectoryName(file)!] == 1 && rowsPerDt.TryGetValue(dt, out var n) ? n : ParquetRows(conn, file);
            yield return new LakeFile(feed, "parquet", dt, Path.GetRelativePath(layout.Root, target), rows, "added", file);
        }
    }

    private static long ParquetRows(DuckDbConnection conn, string file) => conn.Scalar<long>(
        "SELECT coalesce(sum(row_group_num_rows), 0)::BIGINT FROM (SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata("
        + SqlScripts.Literal(file) + "))");

    /// <summary>The manifest commit: after it, the run exists; before it, its files are leftovers.</summary>
    private void Commit(DuckDbConnection conn, string runId, DateTimeOffset started, string? feedFilter, List<FeedTally> tallies,
        List<(string Feed, FileTally File)> files, List<(string Feed, string File, string Sha, long Size, string SameAs, long Modified)> skipped, List<LakeFile> lakeFiles)
    {
        var finished = _clock.GetUtcNow();
        conn.Execute("BEGIN TRANSACTION");
        try
        {
            conn.ExecuteNonQuery(
                "INSERT INTO state.runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                runId, started, finished, feedFilter, tallies.Sum(t => t.RowsRead), tallies.Sum(t => t.Accepted),
                tallies.Sum(t => t.Quarantined), tallies.Sum(t => t.Duplicates), tallies.Sum(t => t.Replaced),
                tallies.Sum(t => t.FilesProcessed), tallies.Sum(t => t.FilesSkipped));
            foreach (var t in tallies)
            {
                conn.ExecuteNonQuery("INSERT INTO state.run_feeds VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    runId, t.Feed, t.RowsRead, t.Accepted, t.Quarantined, t.Duplicates, t.Replaced, t.FilesProcessed, t.FilesSkipped);
                foreach (var (reason, rows) in t.Reasons)
                {
                    conn.ExecuteNonQuery("INSERT INTO state.run_reasons VALUES ($1, $2, $3, $4)", runId, t.Feed, reason, rows);
                }

                SqlScripts.Run(conn, "commit_keys.sql", t.Feed);
            }

            foreach (var (feed, f) in files)
            {
                conn.ExecuteNonQuery("INSERT INTO state.files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                    runId, feed, f.FileName, f.Sha256, f.SizeBytes, f.Encoding, f.Truncated, f.RowsRead, f.Accepted, f.Quarantined, f.Duplicates, f.ModifiedTicks);
            }

            foreach (var (feed, file, sha, size, sameAs, modified) in skipped)
            {
                conn.ExecuteNonQuery("INSERT INTO state.skipped_files VALUES ($1, $2, $3, $4, $5, $6, $7)", runId, feed, file, sha, size, sameAs, modified);
            }

            foreach (var f in lakeFiles)
            {
                conn.ExecuteNonQuery("INSERT INTO state.lake_files VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    runId, f.Feed, f.Kind, f.Dt, f.Path, f.Rows, f.Action);
            }

            conn.Execute("COMMIT");
        }
        catch
        {
            conn.Execute("ROLLBACK");
            throw;
        }
    }

    /// <summary>
    /// Undoes what a crashed run left behind: lake and quarantine files of runs that never committed,
    /// the temporary folder, and files a committed run replaced but had not yet deleted.
    /// </summary>
    private void Recover(DuckDbConnection conn, DataLayout layout)
    {
        var committed = conn.Query("SELECT run_id FROM state.runs", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        foreach (var root in new[] { layout.Raw, layout.Quarantine })
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var m = RunFile().Match(Path.GetFileName(file));
                if (m.Success && !committed.Contains(m.Groups["run"].Value))
                {
                    File.Delete(file);
                    LogRecovered(_log, file, "uncommitted run " + m.Groups["run"].Value);
                }
            }
        }

        foreach (var path in conn.Query("SELECT path FROM state.lake_files WHERE action = 'removed'", r => r.GetString(0)))
        {
            var full = Path.Combine(layout.Root, path);
            if (File.Exists(full))
            {
                File.Delete(full);
                LogRecovered(_log, full, "replaced by a committed run");
            }
        }

        TryDeleteFolder(Path.Combine(layout.State, "ingest-tmp"));
    }

    [GeneratedRegex(@"^(?:part|quarantine)-(?<run>\d{8}T\d{6}Z-[0-9a-f]{6})-?.*\.(?:parquet|jsonl)$")]
    private static partial Regex RunFile();
}
