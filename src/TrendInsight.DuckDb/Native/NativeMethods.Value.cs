using System.Runtime.InteropServices;

namespace TrendInsight.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_varchar_length(byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_null_value();

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_list_value(IntPtr type, IntPtr* values, ulong count);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_value(ref IntPtr value);
}
