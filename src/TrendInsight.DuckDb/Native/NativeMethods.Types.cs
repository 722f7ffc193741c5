using System.Runtime.InteropServices;

namespace TrendInsight.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_get_type_id(IntPtr type);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_width(IntPtr type);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_scale(IntPtr type);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_decimal_internal_type(IntPtr type);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_enum_internal_type(IntPtr type);

    [LibraryImport(Library)]
    internal static partial uint duckdb_enum_dictionary_size(IntPtr type);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_enum_dictionary_value(IntPtr type, ulong index);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_list_type_child_type(IntPtr type);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_logical_type(DuckDbType type);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_list_type(IntPtr childType);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_logical_type(ref IntPtr type);
}
