using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// What <c>trendinsight sql</c> lets a statement do beyond DuckDB's own sandbox (files only under the
/// data folder, no network, no extensions, settings locked). Inside the data folder DuckDB would let
/// COPY, EXPORT, ATTACH and file logging write anywhere, the lake and the ingest manifest included, so:
/// without <c>--write</c> nothing writes a file; with it, COPY … TO and EXPORT DATABASE write only
/// under <c>reports/</c> or the <c>--out-dir</c> folder, and ATTACH stays refused.
/// </summary>
internal sealed class SqlGuard
{
    // EXPLAIN ANALYZE runs the statement it explains; these words are the ones that write or reach out.
    private static readonly HashSet<string> WritingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "copy", "export", "attach", "detach", "install", "load", "force", "enable_logging",
    };

    private readonly bool _write;
    private readonly IReadOnlyList<string> _writable;

    /// <param name="write">The <c>--write</c> flag.</param>
    /// <param name="writable">Full paths of the folders COPY … TO and EXPORT DATABASE may write under when <paramref name="write"/> is set.</param>
    public SqlGuard(bool write, IReadOnlyList<string> writable)
    {
        _write = write;
        _writable = writable;
    }

    /// <summary>
    /// Throws a <see cref="TrendInsightException"/> naming the reason when the statement is not allowed;
    /// otherwise returns the full path a COPY … TO or EXPORT DATABASE writes, or null.
    /// </summary>
    /// <param name="sql">The statement; its leading keywords give its kind.</param>
    public string? Check(string sql)
    {
        var tokens = SqlTokens.Split(sql);
        if (tokens.Any(t => t.Kind == SqlTokenKind.Word && string.Equals(t.Text, "enable_logging", StringComparison.OrdinalIgnoreCase)))
        {
            throw Refused("enable_logging writes log files; DuckDB's logging is not available here");
        }

        // DuckDB.NET runs every statement of a text; the guard judges one.
        var end = tokens.ToList().FindIndex(t => t.Kind == SqlTokenKind.Other && t.Text == ";");
        if (end >= 0 && tokens.Skip(end + 1).Any(t => !(t.Kind == SqlTokenKind.Other && t.Text == ";")))
        {
            throw Refused("one statement at a time");
        }

        return Check(tokens, LeadingKind(tokens));
    }

    /// <summary>The kind of statement its first keyword makes it, for the kinds the guard restricts; Invalid for the rest.</summary>
    private static DuckDbStatementType LeadingKind(IReadOnlyList<SqlToken> tokens)
    {
        var words = tokens.Where(t => t.Kind == SqlTokenKind.Word).Take(3).Select(t => t.Text.ToUpperInvariant()).ToList();
        return words switch
        {
            ["COPY", "FROM", "DATABASE", ..] => DuckDbStatementType.CopyDatabase,
            ["COPY", ..] => DuckDbStatementType.Copy,
            ["EXPORT", ..] => DuckDbStatementType.Export,
            ["ATTACH", ..] => DuckDbStatementType.Attach,
            ["DETACH", ..] => DuckDbStatementType.Detach,
            ["INSTALL", ..] or ["LOAD", ..] or ["FORCE", "INSTALL", ..] => DuckDbStatementType.Load,
            ["UPDATE", "EXTENSIONS", ..] => DuckDbStatementType.UpdateExtensions,
            ["EXPLAIN", ..] => DuckDbStatementType.Explain,
            _ => DuckDbStatementType.Invalid,
        };
    }

    private string? Check(IReadOnlyList<SqlToken> tokens, DuckDbStatementType type)
    {
        switch (type)
        {
            case DuckDbStatementType.Load or DuckDbStatementType.UpdateExtensions or DuckDbStatementType.Extension:
                throw Refused("INSTALL, LOAD and UPDATE EXTENSIONS are not available: extensions are neither downloaded nor loaded");
            case DuckDbStatementType.Attach or DuckDbStatementType.Detach:
                throw Refused("ATTACH and DETACH are not available: query the warehouse's views, or read a file under the data folder with read_parquet/read_csv/read_json");
            case DuckDbStatementType.Explain when tokens.Any(t => t.Kind == SqlTokenKind.Word && WritingWords.Contains(t.Text)):
                throw Refused("EXPLAIN of a statement that writes or loads is not available (EXPLAIN ANALYZE would run it)");
            case DuckDbStatementType.Copy or DuckDbStatementType.Export or DuckDbStatementType.CopyDatabase when !_write:
                throw Refused("COPY and EXPORT DATABASE write files; without --write, sql only reads. "
                    + "Use --write to COPY … TO a file under reports/ (or --out-dir DIR)");
            case DuckDbStatementType.Copy:
                return CheckTarget(CopyTarget(tokens), "COPY … TO");
            case DuckDbStatementType.Export:
                return CheckTarget(ExportTarget(tokens), "EXPORT DATABASE");
        }

        return null;
    }

    private string? CheckTarget(string? target, string what)
    {
        if (target is null)
        {
            return null;
        }

        // DuckDB expands a leading ~ to the home folder, which Path.GetFullPath does not.
        var full = target.StartsWith('~') ? null : Path.GetFullPath(target);
        if (full is null || !_writable.Any(folder => full.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            throw Refused($"{what} may write only under {string.Join(" or ", _writable.Select(f => Path.TrimEndingDirectorySeparator(f) + "/"))}; '{target}' is not");
        }

        return full;
    }

    /// <summary>
    /// The file a <c>COPY … TO 'file'</c> writes; null for <c>COPY table FROM 'file'</c>, which only reads.
    /// A target that is not a quoted path cannot be checked and is refused.
    /// </summary>
    private static string? CopyTarget(IReadOnlyList<SqlToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Depth == 0 && tokens[i].Kind == SqlTokenKind.Word)
            {
                if (string.Equals(tokens[i].Text, "from", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                if (string.Equals(tokens[i].Text, "to", StringComparison.OrdinalIgnoreCase))
                {
                    return i + 1 < tokens.Count && tokens[i + 1].Kind == SqlTokenKind.String
                        ? tokens[i + 1].Text
                        : throw Refused("COPY … TO needs the target as a quoted path, so that sql can check where it writes");
                }
            }
        }

        return null;
    }

    private static string ExportTarget(IReadOnlyList<SqlToken> tokens) =>
        tokens.FirstOrDefault(t => t.Depth == 0 && t.Kind == SqlTokenKind.String)?.Text
        ?? throw Refused("EXPORT DATABASE needs the target as a quoted path, so that sql can check where it writes");

    private static TrendInsightException Refused(string why) => new($"sql: {why}.");
}
