using DuckDB.NET.Data;
using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Lake;

/// <summary>The ingest SQL shipped as embedded resources (<c>Sql/*.sql</c>), split into statements.</summary>
internal static class SqlScripts
{
    public static IReadOnlyList<string> Load(string name)
    {
        var text = EmbeddedText.Read(typeof(SqlScripts).Assembly, "TrendInsight.Ingest.Sql." + name);
        var lines = text.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal));
        return string.Join('\n', lines)
            .Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd(';'))
            .Where(s => s.Length > 0)
            .ToList();
    }

    /// <summary>Runs every statement of a script, binding <c>$feed</c> where a statement uses it.</summary>
    public static void Run(DuckDBConnection conn, string name, string feed)
    {
        foreach (var statement in Load(name))
        {
            conn.ExecuteNonQuery(statement, ("feed", feed));
        }
    }

    /// <summary>A single-quoted SQL literal for a path we generated (COPY/ATTACH targets cannot be bound parameters).</summary>
    public static string Literal(string text) => TrendInsight.DuckDb.DuckDbSql.Literal(text);
}
