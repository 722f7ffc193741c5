using TrendInsight.Core;

namespace TrendInsight.DuckDb;

/// <summary>
/// A failure reported by DuckDB (or by this binding on DuckDB's behalf, such as a value of the wrong
/// type for an appender column). <see cref="Exception.Message"/> is DuckDB's own message, e.g.
/// <c>Catalog Error: Table with name nope does not exist!</c>.
/// </summary>
public sealed class DuckDbException : TrendInsightException
{
    public DuckDbException(string message, DuckDbErrorType errorType, string? statement = null, Exception? inner = null)
        : base(message, IsTransientError(errorType, message), inner)
    {
        ErrorType = errorType;
        Statement = statement;
    }

    /// <summary>DuckDB's error kind: Parser, Catalog, Binder, IO, Conversion, Constraint …</summary>
    public DuckDbErrorType ErrorType { get; }

    /// <summary>The SQL text (or appender table) the error came from, when known.</summary>
    public string? Statement { get; }

    /// <summary>
    /// A write-write conflict, an interrupt or a lock held by another process may pass when tried
    /// again; everything else (bad SQL, missing table, bad data) will fail the same way.
    /// </summary>
    private static bool IsTransientError(DuckDbErrorType type, string message) =>
        type is DuckDbErrorType.Transaction or DuckDbErrorType.Interrupt
        || (type == DuckDbErrorType.IO && message.Contains("Could not set lock", StringComparison.Ordinal));
}
