using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Analysis;

/// <summary>Writes a working table as one Hive partition of the lake: temporary name, then rename.</summary>
internal static class ParquetOut
{
    /// <summary>Replaces <c>root/dt=D/</c> with the rows of <paramref name="table"/>.</summary>
    public static string Write(DuckDbConnection conn, string table, string root, DateOnly dt)
    {
        var tmp = LakeFiles.TemporaryFor(root, dt);
        // COPY takes neither its table nor its target as a bound parameter; both are ours (a constant
        // working-table name and a path built from the data folder), never input data.
        conn.Execute($"COPY {table} TO {Quote(tmp)} (FORMAT parquet, COMPRESSION zstd)");
        return LakeFiles.Publish(tmp);
    }

    private static string Quote(string path)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new TrendInsightException($"Invalid output path: {path}");
        }

        return "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
