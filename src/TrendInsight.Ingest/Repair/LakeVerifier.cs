using DuckDB.NET.Data;
using TrendInsight.Core;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Ingest.Repair;

/// <summary>
/// Checks each lake and quarantine file the manifest committed: it exists, has its committed size and
/// SHA-256, and (Parquet) DuckDB reads its metadata with the committed row count.
/// </summary>
public static class LakeVerifier
{
    /// <summary>Checks the lake of <paramref name="layout"/>; <paramref name="landing"/> (default <c>data/landing</c>) is where the feeding files are looked for.</summary>
    public static VerifyReport Verify(DataLayout layout, string? landing = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(layout.Manifest))
        {
            throw new TrendInsightException($"there is no ingest manifest {layout.Manifest}; run `trendinsight repair` to rebuild it from the lake");
        }

        using var db = ManifestFile.OpenReadOnly(layout);
        using var conn = db.Connect();
        return Verify(conn, layout, landing ?? layout.Landing);
    }

    /// <summary>Checks the files listed by a connection on which the manifest's tables are unqualified.</summary>
    internal static VerifyReport Verify(DuckDBConnection manifest, DataLayout layout, string landing)
    {
        var files = manifest.Query(ManifestFile.CommittedLakeFilesSql(manifest), r => (
            RunId: r.GetString(0), Feed: r.GetString(1), Kind: r.GetString(2), Dt: r.GetDate(3), Path: r.GetString(4), Rows: r.GetInt64(5),
            Size: r.IsNull(6) ? (long?)null : r.GetInt64(6), Sha: r.IsNull(7) ? null : r.GetString(7),
            FedBy: r.GetStringList(8).Select(s => s ?? string.Empty).ToList()));
        using var reader = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 });
        using var parquet = reader.Connect();
        var problems = new List<LakeFileCheck>();
        foreach (var f in files)
        {
            if (Problem(parquet, layout, f.Path, f.Kind == "parquet", f.Rows, f.Size, f.Sha) is { } problem)
            {
                var fedBy = f.FedBy.Select(n => (n, File.Exists(Path.Combine(landing, f.Feed, n)))).ToList();
                problems.Add(new LakeFileCheck(f.Path, f.Feed, f.Kind, f.Dt, f.RunId, f.Rows, problem, fedBy));
            }
        }

        // The event ids earlier runs accepted (state/ids/): a damaged one is rebuilt from the lake by `repair --reingest`.
        var idFiles = !manifest.HasTable("id_files") ? []
            : manifest.Query("SELECT run_id, feed, path, rows, size_bytes, sha256 FROM id_files ORDER BY path",
                r => (RunId: r.GetString(0), Feed: r.GetString(1), Path: r.GetString(2), Rows: r.GetInt64(3), Size: r.GetInt64(4), Sha: r.GetString(5)));
        foreach (var f in idFiles)
        {
            if (Problem(parquet, layout, f.Path, true, f.Rows, f.Size, f.Sha) is { } problem)
            {
                problems.Add(new LakeFileCheck(f.Path, f.Feed, LakeFileCheck.IdsKind, default, f.RunId, f.Rows, problem, []));
            }
        }

        return new VerifyReport(files.Count + idFiles.Count, files.Count(f => f.Sha is null), problems);
    }

    /// <summary>What is wrong with a committed file (<c>missing</c>, <c>size</c>, <c>checksum</c>, <c>unreadable</c>), or null.</summary>
    private static string? Problem(DuckDBConnection parquet, DataLayout layout, string path, bool isParquet, long rows, long? size, string? sha)
    {
        var full = Path.Combine(layout.Root, path);
        var info = new FileInfo(full);
        return !info.Exists ? "missing"
            : size is { } bytes && info.Length != bytes ? "size"
            : sha is not null && !string.Equals(FileChecksum.Sha256(full), sha, StringComparison.Ordinal) ? "checksum"
            : isParquet && !ReadsAsParquet(parquet, full, rows) ? "unreadable"
            : null;
    }

    private static bool ReadsAsParquet(DuckDBConnection conn, string path, long rows)
    {
        try
        {
            return conn.Scalar<long>(
                "SELECT coalesce(sum(row_group_num_rows), 0)::BIGINT FROM (SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata("
                + SqlScripts.Literal(path) + "))") == rows;
        }
        catch (DuckDbException)
        {
            return false;
        }
    }
}
