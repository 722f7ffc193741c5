using DuckDB.NET.Data;
using System.Text.RegularExpressions;
using TrendInsight.Core;
using TrendInsight.Core.Pipeline;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Ingest;

public sealed partial class IngestService
{
    /// <summary>
    /// Deduplicates the staged rows of one feed and writes them as Parquet under the run's temporary folder.
    /// The feed's accepted keys go to the manifest transaction, which inserts them while the Parquet is written.
    /// </summary>
    private List<LakeFile> Deduplicate(DuckDbDatabase db, DuckDBConnection conn, ManifestTransaction manifest, FeedSchema schema, FeedTally tally, List<FileTally> files,
        DataLayout layout, string tempRoot, string runId, CommittedLake committed)
    {
        var feed = schema.Feed;
        if (!schema.LatestWins)
        {
            DefinePriorIds(conn, layout, feed);
        }

        _times.Time("dedup › find duplicates (SQL)", () => SqlScripts.Run(conn, schema.LatestWins ? "dedup_latest.sql" : "dedup_events.sql", feed));

        // Every count in one pass over "final": accepted rows per landing file and per partition.
        var counts = _times.Time("dedup › count accepted rows", () => conn.Query("SELECT file_seq, dt, count(*) FROM final GROUP BY file_seq, dt",
            r => (Seq: r.GetInt32(0), Dt: r.IsNull(1) ? (DateOnly?)null : r.GetDate(1), Rows: r.GetInt64(2))));
        var rowsPerDt = new SortedDictionary<DateOnly, long>();
        foreach (var (_, dt, rows) in counts)
        {
            var day = dt ?? throw new TrendInsightException($"ingest {runId} {feed}: accepted rows without a dt");
            rowsPerDt[day] = rowsPerDt.GetValueOrDefault(day) + rows;
        }

        foreach (var (seq, dt, rows) in counts)
        {
            _sources.Add((feed, dt!.Value, files.First(f => f.Seq == seq).FileName, rows));
        }

        foreach (var file in files)
        {
            file.Accepted = counts.Where(c => c.Seq == file.Seq).Sum(c => c.Rows);
            tally.Accepted += file.Accepted;
            tally.Duplicates += file.Duplicates;
        }

        var result = new List<LakeFile>();
        if (tally.Accepted > 0)
        {
            _times.Time("dedup › write accepted ids (the run's id file)", () => HandOverKeys(conn, manifest, schema, layout, tempRoot, runId, tally.Accepted));
            var select = schema.LakeSelect([.. files.OrderBy(f => f.Seq).Select(f => f.FileName)]);
            result.AddRange(_times.Time("dedup › write Parquet partitions", () => WritePartitions(db, conn, layout, schema, select, tempRoot, runId, rowsPerDt)));
        }

        if (schema.LatestWins)
        {
            tally.Replaced = conn.Scalar<long>("SELECT count(*) FROM superseded");
            var dts = conn.Query("SELECT DISTINCT dt FROM superseded ORDER BY dt", r => r.GetDate(0));
            var rewriteRoot = Path.Combine(tempRoot, "rewrite", feed);
            foreach (var dt in dts)
            {
                var partition = layout.RawPartition(feed, dt);
                var existing = committed.Partition(layout, feed, dt).ToList();
                if (existing.Count == 0)
                {
                    continue;
                }

                if (existing.FirstOrDefault(f => !File.Exists(f)) is { } gone)
                {
                    throw new TrendInsightException(
                        $"{gone} is committed but missing, and this run replaces rows of its partition; run `trendinsight verify`, then `trendinsight repair --reingest`");
                }

                conn.ExecuteNonQuery("CREATE OR REPLACE TABLE rewrite_ids AS SELECT id FROM superseded WHERE dt = $dt", ("dt", dt));
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
                conn.Execute($"COPY ({keep}) TO {SqlScripts.Literal(target)} ({LakeParquet})");
                result.Add(new LakeFile(feed, "parquet", dt, Path.GetRelativePath(layout.Root, Path.Combine(partition, Path.GetFileName(target))),
                    ParquetRows(conn, target), "added", target));
            }

            conn.Execute("DROP TABLE IF EXISTS rewrite_ids");
        }

        return result;
    }

    /// <summary>
    /// How lake files are written: ZSTD; a dictionary only for a column of at most 4,096 distinct values in the file
    /// (segments, actions, platforms, categories, source files). DuckDB's default tries a dictionary for every string
    /// column up to a much larger size, hashing ids and texts that then end up plain: writing the 40 partitions of
    /// the ingest bench's 1.5M comments took 15% less CPU, and the files came out a fifth smaller.
    /// </summary>
    private const string LakeParquet = "FORMAT parquet, COMPRESSION zstd, DICTIONARY_SIZE_LIMIT 4096";

    /// <summary>
    /// Writes the feed's accepted keys to <c>keys-&lt;feed&gt;.parquet</c> in the run's temporary folder. Event ids stay a
    /// file: the run's id file (<see cref="AddIdFile"/>). The latest versions of content and products are queued into the
    /// manifest transaction (<c>commit_latest.sql</c>), which inserts them while the Parquet is written; a file rather
    /// than a table, as that transaction began with the first feed and does not see tables created or filled since.
    /// </summary>
    private void HandOverKeys(DuckDBConnection conn, ManifestTransaction manifest, FeedSchema schema, DataLayout layout, string tempRoot, string runId, long rows)
    {
        var feed = schema.Feed;
        var path = Path.Combine(tempRoot, "keys-" + feed + ".parquet");
        var keys = SqlScripts.Literal(path);
        conn.Execute($"COPY (SELECT row_key AS id{(schema.LatestWins ? ", ts, dt" : "")} FROM final) TO {keys} (FORMAT parquet)");
        if (!schema.LatestWins)
        {
            AddIdFile(layout, feed, runId, path, rows);
            return;
        }

        var times = _times;
        manifest.Enqueue(c => times.Time("dedup › insert latest versions into the manifest, beside the writes", () =>
        {
            c.Execute($"CREATE OR REPLACE TEMP VIEW accepted_keys AS SELECT * FROM read_parquet({keys})");
            SqlScripts.Run(c, "commit_latest.sql", feed);
            c.Execute("DROP VIEW accepted_keys");
        }));
    }

    /// <summary>
    /// Writes the deduplicated rows as one Parquet file per partition, <c>dt=…/part-&lt;run&gt;-0.parquet</c> under the
    /// run's temporary folder; the row counts are known from the dedup pass.
    /// </summary>
    /// <remarks>
    /// One <c>COPY … WHERE dt = …</c> per partition rather than one <c>COPY … PARTITION_BY (dt)</c>: on the ingest
    /// bench (40 partitions of 37,000 rows a feed) the partitioned write took 2.5 times as long; the filter on
    /// <c>dt</c> skips row groups by their min/max. A partition smaller than two row groups is written by one
    /// DuckDB thread (two wrote it more slowly, with 70% more CPU), and as many of them side by side as DuckDB has
    /// threads, each on a connection of its own (on the 2-core bench: 1.8–1.9 s for the 80 partitions, against
    /// 2.5–2.9 s one after another); the big ones follow one at a time with every thread.
    /// </remarks>
    private static List<LakeFile> WritePartitions(DuckDbDatabase db, DuckDBConnection conn, DataLayout layout, FeedSchema schema, string select,
        string tempRoot, string runId, SortedDictionary<DateOnly, long> rowsPerDt)
    {
        const long OneThreadRows = 2 * 122_880;
        var feed = schema.Feed;
        var name = "part-" + runId + "-0.parquet";
        var threads = conn.Threads;
        var current = threads;
        var partitions = rowsPerDt.OrderBy(p => p.Value >= OneThreadRows).ToList();
        var files = new LakeFile[partitions.Count];
        void Write(DuckDBConnection c, int i)
        {
            var (dt, rows) = partitions[i];
            var temp = Path.Combine(tempRoot, "lake", feed, BusinessCalendar.Partition(dt), name);
            Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
            c.Execute($"COPY (SELECT {select} FROM final WHERE dt = $dt) TO {SqlScripts.Literal(temp)} ({LakeParquet})", ("dt", dt));
            files[i] = new LakeFile(feed, "parquet", dt, Path.GetRelativePath(layout.Root, Path.Combine(layout.RawPartition(feed, dt), name)), rows, "added", temp);
        }

        try
        {
            var small = partitions.Count(p => p.Value < OneThreadRows);
            if (small > 0)
            {
                current = SetThreads(conn, current, 1);
                var writers = (int)Math.Clamp(threads, 1, small);
                var next = -1;
                try
                {
                    Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
                    {
                        using var own = w == 0 ? null : db.Connect();
                        var c = own ?? conn;
                        for (var i = Interlocked.Increment(ref next); i < small; i = Interlocked.Increment(ref next))
                        {
                            Write(c, i);
                        }
                    });
                }
                catch (AggregateException e)
                {
                    // A failed write (disk full, a folder gone) reaches the caller as it was raised, as it did from one writer.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
                }
            }

            current = SetThreads(conn, current, threads);
            for (var i = small; i < partitions.Count; i++)
            {
                Write(conn, i);
            }
        }
        finally
        {
            SetThreads(conn, current, threads);
        }

        return [.. files];
    }

    private static long SetThreads(DuckDBConnection conn, long current, long wanted)
    {
        if (current != wanted)
        {
            conn.Threads = wanted;
        }

        return wanted;
    }

    private static long ParquetRows(DuckDBConnection conn, string file) => conn.Scalar<long>(
        "SELECT coalesce(sum(row_group_num_rows), 0)::BIGINT FROM (SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata("
        + SqlScripts.Literal(file) + "))");

    /// <summary>The manifest commit: after it, the run exists; before it, its files are leftovers.</summary>
    private void Commit(ManifestTransaction manifest, DataLayout layout, string runId, DateTimeOffset started, string? feedFilter, List<FeedTally> tallies,
        List<(string Feed, FileTally File)> files, List<(string Feed, string File, string Sha, long Size, string SameAs, long Modified)> skipped, List<LakeFile> lakeFiles,
        IReadOnlyList<LandingRefusal> refused)
    {
        var finished = _clock.GetUtcNow();
        var recordRefusal = SqlScripts.Load("record_landing_refusal.sql")[0];
        manifest.Commit(_times, conn =>
        {
            conn.ExecuteNonQuery(
                "INSERT INTO state.runs VALUES ($run_id, $started, $finished, $feed_filter, $rows_read, $accepted, $quarantined, "
                + "$duplicates, $replaced, $files_processed, $files_skipped)",
                ("run_id", runId), ("started", started), ("finished", finished), ("feed_filter", feedFilter),
                ("rows_read", tallies.Sum(t => t.RowsRead)), ("accepted", tallies.Sum(t => t.Accepted)),
                ("quarantined", tallies.Sum(t => t.Quarantined)), ("duplicates", tallies.Sum(t => t.Duplicates)),
                ("replaced", tallies.Sum(t => t.Replaced)), ("files_processed", tallies.Sum(t => t.FilesProcessed)),
                ("files_skipped", tallies.Sum(t => t.FilesSkipped)));
            foreach (var t in tallies)
            {
                conn.ExecuteNonQuery(
                    "INSERT INTO state.run_feeds VALUES ($run_id, $feed, $rows_read, $accepted, $quarantined, $duplicates, $replaced, "
                    + "$files_processed, $files_skipped)",
                    ("run_id", runId), ("feed", t.Feed), ("rows_read", t.RowsRead), ("accepted", t.Accepted), ("quarantined", t.Quarantined),
                    ("duplicates", t.Duplicates), ("replaced", t.Replaced), ("files_processed", t.FilesProcessed), ("files_skipped", t.FilesSkipped));
                foreach (var (reason, rows) in t.Reasons)
                {
                    conn.ExecuteNonQuery(
                        "INSERT INTO state.run_reasons VALUES ($run_id, $feed, $reason, $rows)",
                        ("run_id", runId), ("feed", t.Feed), ("reason", reason), ("rows", rows));
                }

                foreach (var ((field, value), rows) in t.UnknownSegments)
                {
                    conn.ExecuteNonQuery(
                        "INSERT INTO state.unknown_segment_values VALUES ($run_id, $feed, $field, $value, $rows)",
                        ("run_id", runId), ("feed", t.Feed), ("field", field), ("value", value), ("rows", rows));
                }
            }

            CommitIdFiles(conn, layout, runId);
            foreach (var r in refused)
            {
                conn.ExecuteNonQuery(recordRefusal, ("run_id", runId), ("feed", r.Feed), ("path", r.Path), ("reason", r.Reason));
            }

            foreach (var (feed, f) in files)
            {
                conn.ExecuteNonQuery(
                    "INSERT INTO state.files VALUES ($run_id, $feed, $file_name, $sha256, $size_bytes, $encoding, $truncated, $rows_read, "
                    + "$accepted, $quarantined, $duplicates, $modified_ticks)",
                    ("run_id", runId), ("feed", feed), ("file_name", f.FileName), ("sha256", f.Sha256), ("size_bytes", f.SizeBytes),
                    ("encoding", f.Encoding), ("truncated", f.Truncated), ("rows_read", f.RowsRead), ("accepted", f.Accepted),
                    ("quarantined", f.Quarantined), ("duplicates", f.Duplicates), ("modified_ticks", f.ModifiedTicks));
            }

            foreach (var (feed, file, sha, size, sameAs, modified) in skipped)
            {
                conn.ExecuteNonQuery(
                    "INSERT INTO state.skipped_files VALUES ($run_id, $feed, $file_name, $sha256, $size_bytes, $same_as, $modified_ticks)",
                    ("run_id", runId), ("feed", feed), ("file_name", file), ("sha256", sha), ("size_bytes", size), ("same_as", sameAs),
                    ("modified_ticks", modified));
            }

            // A row a partition and landing file: hundreds a run, appended in the transaction rather than inserted one by one.
            using (var sources = conn.CreateAppender("state", null, "lake_sources"))
            {
                foreach (var (feed, dt, file, rows) in _sources)
                {
                    sources.CreateRow().AppendValue(runId).AppendValue(feed).AppendValue(dt).AppendValue(file).AppendValue(rows).EndRow();
                }
            }

            using (var lake = conn.CreateAppender("state", null, "lake_files"))
            {
                foreach (var f in lakeFiles)
                {
                    lake.CreateRow().AppendValue(runId).AppendValue(f.Feed).AppendValue(f.Kind).AppendValue(f.Dt)
                        .AppendValue(f.Path.Replace(Path.DirectorySeparatorChar, '/')).AppendValue(f.Rows).AppendValue(f.Action)
                        .AppendValue(f.SizeBytes).AppendValue(f.Sha256).EndRow();
                }
            }
        });
    }

    /// <summary>
    /// The manifest transaction, on a connection of its own. Each feed's accepted keys (the commit's one big
    /// insert: every accepted event id) are inserted in the background as soon as the feed is deduplicated,
    /// while the main connection writes the feed's Parquet; <see cref="Commit"/> waits for them, adds the run's
    /// rows and commits. Nothing of it is visible before the COMMIT, so a crash before that leaves the old
    /// manifest, and files named by this run id are leftovers that the next start deletes.
    /// </summary>
    private sealed class ManifestTransaction(DuckDbDatabase db) : IDisposable
    {
        private readonly DuckDBConnection _conn = db.Connect();
        private Task _pending = Task.CompletedTask;
        private bool _begun;
        private bool _committed;

        /// <summary>Queues work inside the transaction; it runs on a pool thread, in order.</summary>
        public void Enqueue(Action<DuckDBConnection> work) =>
            _pending = _pending.ContinueWith(previous =>
            {
                previous.GetAwaiter().GetResult();
                Begin();
                work(_conn);
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

        /// <summary>Waits for the queued work, runs <paramref name="work"/> and commits.</summary>
        public void Commit(PhaseTimes times, Action<DuckDBConnection> work)
        {
            times.Time("commit › waiting for the manifest's queued inserts", () => _pending.GetAwaiter().GetResult());
            Begin();
            times.Time("commit › manifest rows of the run", () => work(_conn));
            times.Time("commit › manifest COMMIT", () => _conn.Execute("COMMIT"));
            _committed = true;
        }

        /// <summary>Rolls back what was not committed (a failed run).</summary>
        public void Dispose()
        {
            try
            {
                _pending.Wait();
            }
            catch (AggregateException)
            {
                // The run failed already, or fails on this in Commit; either way nothing is committed.
            }

            try
            {
                if (_begun && !_committed)
                {
                    _conn.Execute("ROLLBACK");
                }
            }
            catch (DuckDbException)
            {
                // Closing the connection discards the transaction all the same.
            }

            _conn.Dispose();
        }

        private void Begin()
        {
            if (!_begun)
            {
                _conn.Execute("BEGIN TRANSACTION");
                _begun = true;
            }
        }
    }

    /// <summary>
    /// Undoes what a crashed run left behind, and publishes the committed list for readers. Files of runs that
    /// the manifest journaled as started and never committed are deleted, as are files a committed run
    /// replaced but had not yet deleted, and the temporary folder. A file in the lake or quarantine that no
    /// run of the manifest knows (a foreign file, a run of another manifest) is moved aside to
    /// <c>data/orphans/&lt;time&gt;/</c>, never deleted, and reported.
    /// </summary>
    private (CommittedLake Committed, List<(string From, string To)> Orphans) Recover(DuckDBConnection conn, DataLayout layout)
    {
        var committed = conn.Query("SELECT run_id FROM state.runs", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var started = conn.Query("SELECT run_id FROM state.started_runs", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var known = conn.Query("SELECT path FROM state.lake_files", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var orphans = new List<(string From, string To)>();
        string? orphanFolder = null;
        foreach (var root in new[] { layout.Raw, layout.Quarantine })
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList())
            {
                var relative = Path.GetRelativePath(layout.Root, file).Replace(Path.DirectorySeparatorChar, '/');
                if (known.Contains(relative))
                {
                    continue;
                }

                var m = RunFile().Match(Path.GetFileName(file));
                if (m.Success && started.Contains(m.Groups["run"].Value) && !committed.Contains(m.Groups["run"].Value))
                {
                    File.Delete(file);
                    LogRecovered(_log, file, "uncommitted run " + m.Groups["run"].Value);
                    continue;
                }

                orphanFolder ??= Path.Combine(layout.Orphans, _clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                var target = Path.Combine(orphanFolder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(file, target);
                var to = Path.GetRelativePath(layout.Root, target).Replace(Path.DirectorySeparatorChar, '/');
                orphans.Add((relative, to));
                LogOrphan(_log, relative, to);
            }
        }

        RecoverIdFiles(conn, layout);
        var lake = CommittedLake.Query(conn);
        lake.Publish(layout);
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
        return (lake, orphans);
    }

    [GeneratedRegex(@"^(?:part|quarantine)-(?<run>" + RunIdPattern + @")-?.*\.(?:parquet|jsonl)$")]
    private static partial Regex RunFile();
}
