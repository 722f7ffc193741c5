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
            var full = Path.Combine(layout.Root, f.Path);
            var info = new FileInfo(full);
            string? problem = null;
            if (!info.Exists)
            {
                problem = "missing";
            }
            else if (f.Size is { } size && info.Length != size)
            {
                problem = "size";
            }
            else if (f.Sha is { } sha && !string.Equals(IngestService.Checksum(full), sha, StringComparison.Ordinal))
            {
                problem = "checksum";
            }
            else if (f.Kind == "parquet" && !ReadsAsParquet(parquet, full, f.Rows))
            {
                problem = "unreadable";
            }

            if (problem is not null)
            {
                var fedBy = f.FedBy.Select(n => (n, File.Exists(Path.Combine(landing, f.Feed, n)))).ToList();
                problems.Add(new LakeFileCheck(f.Path, f.Feed, f.Kind, f.Dt, f.RunId, f.Rows, problem, fedBy));
            }
        }

        return new VerifyReport(files.Count, files.Count(f => f.Sha is null), problems);
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
