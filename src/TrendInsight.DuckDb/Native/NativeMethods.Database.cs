using System.Runtime.InteropServices;

namespace TrendInsight.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_open_ext(string? path, out DatabaseHandle database, IntPtr config, out IntPtr error);

    [LibraryImport(Library)]
    internal static partial void duckdb_close(ref IntPtr database);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_instance_cache();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_get_or_create_from_cache(
        IntPtr cache, string path, out DatabaseHandle database, IntPtr config, out IntPtr error);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_connect(DatabaseHandle database, out ConnectionHandle connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_disconnect(ref IntPtr connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_interrupt(ConnectionHandle connection);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_create_config(out IntPtr config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_set_config(IntPtr config, string name, string option);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_config(ref IntPtr config);
}
