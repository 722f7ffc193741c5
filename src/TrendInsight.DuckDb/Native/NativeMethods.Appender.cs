using System.Runtime.InteropServices;

namespace TrendInsight.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create(ConnectionHandle connection, string? schema, string table, out AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_appender_error_data(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial int duckdb_error_data_error_type(IntPtr errorData);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_error_data_message(IntPtr errorData);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_error_data(ref IntPtr errorData);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_appender_column_count(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_appender_column_type(AppenderHandle appender, ulong column);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_data_chunk(AppenderHandle appender, IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_flush(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_close(AppenderHandle appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_destroy(ref IntPtr appender);
}
