using System.Runtime.InteropServices;

namespace TrendInsight.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_query(ConnectionHandle connection, string query, ResultHandle result);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_result(IntPtr result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_column_count(ResultHandle result);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_column_name(ResultHandle result, ulong column);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_column_logical_type(ResultHandle result, ulong column);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_result_error(ResultHandle result);

    [LibraryImport(Library)]
    internal static partial int duckdb_result_error_type(ResultHandle result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_rows_changed(ResultHandle result);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_fetch_chunk(DuckDbResultStruct result);
}
