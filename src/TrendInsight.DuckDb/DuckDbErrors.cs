using DuckDB.NET.Data;

namespace TrendInsight.DuckDb;

/// <summary>Turns DuckDB.NET's errors into <see cref="DuckDbException"/>s with DuckDB's error kind.</summary>
public static class DuckDbErrors
{
    // DuckDB prefixes its messages with the exception type name ("Catalog Error: …"); DuckDB.NET reports
    // Invalid as the type of most failures, so the prefix tells the type.
    private static readonly (string Prefix, DuckDbErrorType Type)[] Prefixes =
    [
        ("Out of Range Error", DuckDbErrorType.OutOfRange),
        ("Conversion Error", DuckDbErrorType.Conversion),
        ("Unknown Type Error", DuckDbErrorType.UnknownType),
        ("Decimal Error", DuckDbErrorType.Decimal),
        ("Mismatch Type Error", DuckDbErrorType.MismatchType),
        ("Divide by Zero Error", DuckDbErrorType.DivideByZero),
        ("Invalid type Error", DuckDbErrorType.InvalidType),
        ("Serialization Error", DuckDbErrorType.Serialization),
        ("TransactionContext Error", DuckDbErrorType.Transaction),
        ("Not implemented Error", DuckDbErrorType.NotImplemented),
        ("Expression Error", DuckDbErrorType.Expression),
        ("Catalog Error", DuckDbErrorType.Catalog),
        ("Parser Error", DuckDbErrorType.Parser),
        ("Planner Error", DuckDbErrorType.Planner),
        ("Scheduler Error", DuckDbErrorType.Scheduler),
        ("Executor Error", DuckDbErrorType.Executor),
        ("Constraint Error", DuckDbErrorType.Constraint),
        ("Index Error", DuckDbErrorType.Index),
        ("Connection Error", DuckDbErrorType.Connection),
        ("Syntax Error", DuckDbErrorType.Syntax),
        ("Settings Error", DuckDbErrorType.Settings),
        ("Binder Error", DuckDbErrorType.Binder),
        ("Network Error", DuckDbErrorType.Network),
        ("Optimizer Error", DuckDbErrorType.Optimizer),
        ("IO Error", DuckDbErrorType.IO),
        ("INTERRUPT Error", DuckDbErrorType.Interrupt),
        ("FATAL Error", DuckDbErrorType.Fatal),
        ("INTERNAL Error", DuckDbErrorType.Internal),
        ("Invalid Input Error", DuckDbErrorType.InvalidInput),
        ("Out of Memory Error", DuckDbErrorType.OutOfMemory),
        ("Permission Error", DuckDbErrorType.Permission),
        ("Dependency Error", DuckDbErrorType.Dependency),
        ("HTTP Error", DuckDbErrorType.Http),
        ("Missing Extension Error", DuckDbErrorType.MissingExtension),
        ("Extension Autoloading Error", DuckDbErrorType.Autoload),
        ("Sequence Error", DuckDbErrorType.Sequence),
        ("Invalid Configuration Error", DuckDbErrorType.InvalidConfiguration),
    ];

    /// <summary>The error type named by the prefix of a DuckDB message, or Invalid when none matches.</summary>
    public static DuckDbErrorType TypeFromMessage(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var (prefix, type) in Prefixes)
        {
            if (message.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        // DuckDB.NET puts its own words before the message of a failed open.
        foreach (var (prefix, type) in Prefixes)
        {
            if (message.Contains(prefix + ":", StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return DuckDbErrorType.Invalid;
    }

    /// <summary>The kind of a DuckDB.NET error: DuckDB's own type where it gives one, else its message's prefix.</summary>
    public static DuckDbErrorType TypeOf(DuckDBException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var type = (DuckDbErrorType)(int)exception.ErrorType;
        return type == DuckDbErrorType.Invalid ? TypeFromMessage(exception.Message) : type;
    }

    /// <summary>Wraps a DuckDB.NET error of <paramref name="statement"/>.</summary>
    public static DuckDbException From(DuckDBException exception, string? statement)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new DuckDbException(exception.Message, TypeOf(exception), statement, exception);
    }
}
