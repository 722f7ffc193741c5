using System.Text;

namespace TrendInsight.DuckDb;

/// <summary>
/// Quoting for the few places DuckDB cannot take a bound parameter (a view's definition, a table
/// name): use these rather than pasting text into SQL.
/// </summary>
public static class DuckDbSql
{
    /// <summary>A string literal: <c>'it''s'</c>. Rejects NUL characters, which DuckDB cannot hold in SQL text.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        RejectNul(value);
        return new StringBuilder(value.Length + 2).Append('\'').Append(value.Replace("'", "''", StringComparison.Ordinal)).Append('\'').ToString();
    }

    /// <summary>An identifier: <c>"term_daily"</c>, <c>"热度"</c>, <c>"a""b"</c>.</summary>
    public static string Identifier(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        RejectNul(name);
        return new StringBuilder(name.Length + 2).Append('"').Append(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
    }

    private static void RejectNul(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("SQL text cannot hold a NUL character", nameof(value));
        }
    }
}
