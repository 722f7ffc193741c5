using DuckDB.NET.Data;
using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest;

/// <summary>Opening the ingest manifest (<c>state/ingest.duckdb</c>) to read it, with errors that say what to do.</summary>
internal static class ManifestFile
{
    /// <summary>
    /// Opens the manifest read-only. A running ingest holding it is a transient error; a file DuckDB cannot
    /// read is a fatal one that names <c>trendinsight repair</c>.
    /// </summary>
    public static DuckDbDatabase OpenReadOnly(DataLayout layout)
    {
        var path = layout.Manifest;
        try
        {
            var db = DuckDbDatabase.Open(path, new DuckDbConfig { ReadOnly = true, Threads = 1 });
            try
            {
                using var conn = db.Connect();
                conn.Scalar<long>("SELECT count(*) FROM runs");
                return db;
            }
            catch
            {
                db.Dispose();
                throw;
            }
        }
        catch (DuckDbException ex) when (IngestService.IsLockConflict(ex))
        {
            var holder = IngestLock.IsHeld(layout) && IngestLock.Holder(layout) is { } h ? " (" + h + ")" : string.Empty;
            throw new TrendInsightException($"{path} is in use by a running ingest{holder}; its figures show when it ends", isTransient: true, inner: ex);
        }
        catch (DuckDbException ex)
        {
            throw new TrendInsightException(
                $"the ingest manifest {path} is unreadable ({ex.Message.Split('\n', 2)[0].Trim()}); run `trendinsight repair` to rebuild it from the lake", inner: ex);
        }
    }

    /// <summary>
    /// <c>committed_lake_files.sql</c> for the manifest open on <paramref name="conn"/>: a manifest written before
    /// sizes, checksums and per-partition sources were kept (and not yet opened by an ingest since) reads
    /// NULL for them.
    /// </summary>
    public static string CommittedLakeFilesSql(DuckDBConnection conn)
    {
        var sql = Lake.SqlScripts.Load("committed_lake_files.sql")[0];
        var hasChecksums = conn.Scalar<long>(
            "SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database() AND table_name = 'lake_files' AND column_name = 'sha256'") > 0;
        var hasSources = conn.Scalar<long>(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'lake_sources'") > 0;
        if (!hasChecksums)
        {
            sql = sql.Replace("a.size_bytes, a.sha256", "NULL::BIGINT, NULL::VARCHAR", StringComparison.Ordinal);
        }

        if (!hasSources)
        {
            sql = sql.Replace("FROM lake_sources AS s", "FROM (SELECT NULL::VARCHAR AS run_id, NULL::VARCHAR AS feed, NULL::DATE AS dt, NULL::VARCHAR AS file_name WHERE false) AS s",
                StringComparison.Ordinal);
        }

        return sql;
    }
}
