using System.Runtime.InteropServices;

namespace TrendInsight.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_prepare(ConnectionHandle connection, string query, out PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_prepare_error(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_prepare(ref IntPtr statement);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_nparams(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial int duckdb_prepared_statement_type(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_clear_bindings(PreparedStatementHandle statement);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_boolean(PreparedStatementHandle statement, ulong index, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int32(PreparedStatementHandle statement, ulong index, int value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int64(PreparedStatementHandle statement, ulong index, long value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint64(PreparedStatementHandle statement, ulong index, ulong value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_hugeint(PreparedStatementHandle statement, ulong index, DuckDbHugeInt value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_float(PreparedStatementHandle statement, ulong index, float value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_double(PreparedStatementHandle statement, ulong index, double value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_decimal(PreparedStatementHandle statement, ulong index, DuckDbDecimalStruct value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_varchar_length(PreparedStatementHandle statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_blob(PreparedStatementHandle statement, ulong index, byte* data, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_date(PreparedStatementHandle statement, ulong index, int days);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_timestamp(PreparedStatementHandle statement, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_timestamp_tz(PreparedStatementHandle statement, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_null(PreparedStatementHandle statement, ulong index);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_value(PreparedStatementHandle statement, ulong index, IntPtr value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_prepared(PreparedStatementHandle statement, ResultHandle result);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_pending_prepared_streaming(PreparedStatementHandle statement, out IntPtr pending);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_pending_error(IntPtr pending);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_pending(IntPtr pending, ResultHandle result);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_pending(ref IntPtr pending);
}
