using DuckDB.NET.Data;
using TrendInsight.Core;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Ingest;

/// <summary>
/// The event ids earlier runs accepted: the manifest's <c>seen_ids</c> and one Parquet file a run and feed under
/// <c>state/ids/</c>, listed in <c>state.id_files</c>. A run writes its accepted ids as a file beside its lake files
/// and moves it into place with them; only the commit makes it count.
/// </summary>
public sealed partial class IngestService
{
    /// <summary>How many id files a feed may have before a run folds them into <c>seen_ids</c> (each run reads them all).</summary>
    internal int IdFilesPerFeed { get; init; } = 32;

    /// <summary>This run's id files, a feed each, and the committed ones it folds into <c>seen_ids</c> (deleted after the commit).</summary>
    private readonly List<IdFile> _idFiles = [];
    private readonly List<string> _foldedIdFiles = [];

    /// <summary>
    /// The committed id files of a feed, relative to the data folder; a file missing stops the run, as its ids would
    /// no longer count as duplicates.
    /// </summary>
    private static IReadOnlyList<string> CommittedIdFiles(DuckDBConnection conn, DataLayout layout, string feed)
    {
        var files = conn.Query("SELECT path FROM state.id_files WHERE feed = $feed ORDER BY path", r => r.GetString(0), ("feed", feed));
        if (files.FirstOrDefault(f => !File.Exists(Path.Combine(layout.Root, f))) is { } gone)
        {
            throw new TrendInsightException(
                $"{gone} (event ids accepted by an earlier run) is committed but missing, so their repeats would not count as duplicates; "
                + "run `trendinsight verify`, then `trendinsight repair --reingest`, which rebuilds them from the lake");
        }

        return files;
    }

    /// <summary>The view <c>prior_ids</c>: every event id of the feed that earlier runs accepted (dedup_events.sql).</summary>
    private static void DefinePriorIds(DuckDBConnection conn, DataLayout layout, string feed)
    {
        var files = CommittedIdFiles(conn, layout, feed);
        var sql = "CREATE OR REPLACE TEMP VIEW prior_ids AS SELECT id FROM state.seen_ids WHERE feed = " + SqlScripts.Literal(feed);
        if (files.Count > 0)
        {
            sql += " UNION ALL SELECT id FROM read_parquet([" + string.Join(", ", files.Select(f => SqlScripts.Literal(Path.Combine(layout.Root, f)))) + "])";
        }

        conn.Execute(sql);
    }

    /// <summary>Notes the feed's keys file (written by the dedup step) as this run's id file of the feed.</summary>
    private void AddIdFile(DataLayout layout, string feed, string runId, string keysFile, long rows) =>
        _idFiles.Add(new IdFile(feed, Path.GetRelativePath(layout.Root, Path.Combine(layout.IdFiles, feed, "ids-" + runId + ".parquet")), rows, keysFile));

    /// <summary>Takes size and SHA-256 of this run's id files and moves them into <c>state/ids/</c> (before the commit: until then they do not count).</summary>
    private void PlaceIdFiles(DataLayout layout)
    {
        for (var i = 0; i < _idFiles.Count; i++)
        {
            var f = _idFiles[i];
            _idFiles[i] = f with { SizeBytes = new FileInfo(f.TempPath).Length, Sha256 = FileChecksum.Sha256(f.TempPath) };
            var target = Path.Combine(layout.Root, f.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(f.TempPath, target, overwrite: true);
        }
    }

    /// <summary>
    /// In the manifest transaction: lists this run's id files; a feed that then has more than <see cref="IdFilesPerFeed"/>
    /// has them all folded into <c>seen_ids</c> instead, and their files are deleted after the commit.
    /// </summary>
    private void CommitIdFiles(DuckDBConnection conn, DataLayout layout, string runId)
    {
        foreach (var f in _idFiles)
        {
            conn.ExecuteNonQuery("INSERT INTO state.id_files VALUES ($run_id, $feed, $path, $rows, $size_bytes, $sha256)",
                ("run_id", runId), ("feed", f.Feed), ("path", f.Path.Replace(Path.DirectorySeparatorChar, '/')), ("rows", f.Rows),
                ("size_bytes", f.SizeBytes), ("sha256", f.Sha256));
            var files = conn.Query("SELECT path FROM state.id_files WHERE feed = $feed", r => r.GetString(0), ("feed", f.Feed));
            if (files.Count <= IdFilesPerFeed)
            {
                continue;
            }

            conn.ExecuteNonQuery("INSERT INTO state.seen_ids SELECT $feed, id FROM read_parquet(["
                + string.Join(", ", files.Select(p => SqlScripts.Literal(Path.Combine(layout.Root, p)))) + "])", ("feed", f.Feed));
            conn.ExecuteNonQuery("DELETE FROM state.id_files WHERE feed = $feed", ("feed", f.Feed));
            _foldedIdFiles.AddRange(files);
            LogIdFilesFolded(_log, f.Feed, files.Count);
        }
    }

    /// <summary>After the commit: deletes the id files folded into <c>seen_ids</c>.</summary>
    private void DeleteFoldedIdFiles(DataLayout layout) => DeleteIdFiles(layout, _foldedIdFiles);

    /// <summary>
    /// On start: deletes every file under <c>state/ids/</c> that the manifest does not list: the id file of a run that
    /// never committed, or one folded into <c>seen_ids</c> by a run that stopped before deleting it.
    /// </summary>
    private void RecoverIdFiles(DuckDBConnection conn, DataLayout layout)
    {
        if (!Directory.Exists(layout.IdFiles))
        {
            return;
        }

        var listed = conn.Query("SELECT path FROM state.id_files", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(layout.IdFiles, "*", SearchOption.AllDirectories).ToList())
        {
            if (!listed.Contains(Path.GetRelativePath(layout.Root, file).Replace(Path.DirectorySeparatorChar, '/')))
            {
                File.Delete(file);
                LogRecovered(_log, file, "an id file the manifest does not list");
            }
        }
    }

    /// <summary>Deletes id files (relative to the data folder) whose ids are in <c>seen_ids</c> now: folded by a run, or rebuilt from the lake by a repair.</summary>
    internal static void DeleteIdFiles(DataLayout layout, IEnumerable<string> paths)
    {
        // A file missing, or its folder (state/ids/ deleted by hand), is what a repair mends: nothing to delete.
        foreach (var full in paths.Select(p => Path.Combine(layout.Root, p)).Where(File.Exists))
        {
            File.Delete(full);
        }
    }

    /// <summary>A run's accepted event ids of one feed: where it goes (relative to the data folder), rows, and the keys file it is now.</summary>
    private sealed record IdFile(string Feed, string Path, long Rows, string TempPath)
    {
        public long SizeBytes { get; init; }

        public string Sha256 { get; init; } = string.Empty;
    }
}
