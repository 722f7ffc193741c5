using System.Text;

namespace TrendInsight.Cli.Commands;

/// <summary>What a <see cref="SqlToken"/> is.</summary>
internal enum SqlTokenKind
{
    /// <summary>A keyword or identifier (a quoted one unquoted: "a""b" → a"b).</summary>
    Word,

    /// <summary>A string literal, unquoted ('it''s' → it's).</summary>
    String,

    /// <summary>Anything else: a number, operator or punctuation.</summary>
    Other,
}

/// <summary>One token of a statement and how deep in parentheses it sits.</summary>
internal sealed record SqlToken(SqlTokenKind Kind, string Text, int Depth);

/// <summary>
/// Splits SQL into words, string literals and the rest, skipping comments, the way DuckDB's lexer
/// does for what <see cref="SqlGuard"/> needs: which words appear outside strings and comments, and
/// which string follows a top-level keyword.
/// </summary>
internal static class SqlTokens
{
    public static IReadOnlyList<SqlToken> Split(string sql)
    {
        var tokens = new List<SqlToken>();
        var depth = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && At(sql, i + 1, '-'))
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(sql, i + 1, '*'))
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (c == '\'' || ((c == 'e' || c == 'E') && At(sql, i + 1, '\'')))
            {
                var start = c == '\'' ? i : i + 1;
                var text = new StringBuilder();
                i = start + 1;
                while (i < sql.Length)
                {
                    if (sql[i] == '\'' && At(sql, i + 1, '\''))
                    {
                        text.Append('\'');
                        i += 2;
                    }
                    else if (sql[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        text.Append(sql[i++]);
                    }
                }

                tokens.Add(new SqlToken(SqlTokenKind.String, text.ToString(), depth));
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                var stop = end < 0 ? sql.Length : end;
                tokens.Add(new SqlToken(SqlTokenKind.String, sql[(i + tag.Length)..stop], depth));
                i = end < 0 ? sql.Length : end + tag.Length;
            }
            else if (c == '"')
            {
                var end = i + 1;
                while (end < sql.Length && (sql[end] != '"' || At(sql, end + 1, '"')))
                {
                    end += sql[end] == '"' ? 2 : 1;
                }

                // A quoted identifier names the same function or keyword as the bare word ("enable_logging").
                tokens.Add(new SqlToken(SqlTokenKind.Word, sql[(i + 1)..Math.Min(end, sql.Length)].Replace("\"\"", "\"", StringComparison.Ordinal), depth));
                i = end + 1;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_' || sql[i] == '$'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, sql[start..i], depth));
            }
            else
            {
                depth += c == '(' ? 1 : 0;
                tokens.Add(new SqlToken(SqlTokenKind.Other, c.ToString(), depth));
                depth -= c == ')' && depth > 0 ? 1 : 0;
                i++;
            }
        }

        return tokens;
    }

    private static bool At(string sql, int index, char c) => index < sql.Length && sql[index] == c;

    // $$…$$ or $tag$…$tag$; a $1 parameter is not a dollar quote.
    private static string? DollarTag(string sql, int start)
    {
        var end = start + 1;
        while (end < sql.Length && (char.IsLetter(sql[end]) || sql[end] == '_'))
        {
            end++;
        }

        return end < sql.Length && sql[end] == '$' ? sql[start..(end + 1)] : null;
    }
}
