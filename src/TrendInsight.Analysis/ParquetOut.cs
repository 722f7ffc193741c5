using DuckDB.NET.Data;
using TrendInsight.DuckDb;

namespace TrendInsight.Analysis;

/// <summary>Writes a working table as one Hive partition of the lake: temporary name, then rename.</summary>
internal static class ParquetOut
{
    /// <summary>Replaces <c>root/dt=D/</c> with the rows of <paramref name="table"/> (a working-table name of ours).</summary>
    public static string Write(DuckDBConnection conn, string table, string root, DateOnly dt)
    {
        var tmp = LakeFiles.TemporaryFor(root, dt);
        conn.ExecuteNonQuery($"COPY {table} TO $path (FORMAT parquet, COMPRESSION zstd)", ("path", tmp));
        return LakeFiles.Publish(tmp);
    }
}
