using TrendInsight.DuckDb.Native;

namespace TrendInsight.DuckDb;

/// <summary>Builds <see cref="DuckDbException"/>s from the C API's error reporting.</summary>
internal static class DuckDbErrors
{
    // DuckDB prefixes its messages with the exception type name ("Catalog Error: …"); where the C API
    // gives only the text (open, prepare), the prefix tells the type.
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
    internal static DuckDbErrorType TypeFromMessage(string message)
    {
        foreach (var (prefix, type) in Prefixes)
        {
            if (message.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return DuckDbErrorType.Invalid;
    }

    internal static DuckDbException FromResult(ResultHandle result, string? statement)
    {
        var message = NativeMethods.PtrToString(NativeMethods.duckdb_result_error(result)) ?? "DuckDB reported an error without a message";
        var type = (DuckDbErrorType)NativeMethods.duckdb_result_error_type(result);
        if (type == DuckDbErrorType.Invalid)
        {
            type = TypeFromMessage(message);
        }

        return new DuckDbException(message, type, statement);
    }

    internal static DuckDbException FromMessage(string? message, string? statement, string fallback)
    {
        var text = string.IsNullOrEmpty(message) ? fallback : message;
        return new DuckDbException(text, TypeFromMessage(text), statement);
    }
}
