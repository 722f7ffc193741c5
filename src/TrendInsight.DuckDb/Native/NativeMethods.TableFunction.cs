using System.Runtime.InteropServices;

namespace TrendInsight.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_table_function();

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_table_function(ref IntPtr function);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void duckdb_table_function_set_name(IntPtr function, string name);

    [LibraryImport(Library)]
    internal static partial void duckdb_table_function_set_extra_info(IntPtr function, IntPtr extraInfo, delegate* unmanaged[Cdecl]<IntPtr, void> destroy);

    [LibraryImport(Library)]
    internal static partial void duckdb_table_function_set_bind(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, void> bind);

    [LibraryImport(Library)]
    internal static partial void duckdb_table_function_set_init(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, void> init);

    [LibraryImport(Library)]
    internal static partial void duckdb_table_function_set_function(IntPtr function, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, void> produce);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_register_table_function(ConnectionHandle connection, IntPtr function);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void duckdb_bind_add_result_column(IntPtr bindInfo, string name, IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_bind_get_extra_info(IntPtr bindInfo);

    [LibraryImport(Library)]
    internal static partial void duckdb_bind_set_cardinality(IntPtr bindInfo, ulong cardinality, [MarshalAs(UnmanagedType.U1)] bool isExact);

    [LibraryImport(Library)]
    internal static partial void duckdb_init_set_max_threads(IntPtr initInfo, ulong maxThreads);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_function_get_extra_info(IntPtr functionInfo);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void duckdb_function_set_error(IntPtr functionInfo, string error);

    [LibraryImport(Library)]
    internal static partial void duckdb_vector_reference_vector(IntPtr toVector, IntPtr fromVector);
}
