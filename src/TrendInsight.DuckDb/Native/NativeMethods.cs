using System.Reflection;
using System.Runtime.InteropServices;
using TrendInsight.Core;

namespace TrendInsight.DuckDb.Native;

/// <summary>
/// P/Invoke declarations of the DuckDB 1.5 C API (duckdb.h), split by area into partial files.
/// The library name <c>duckdb</c> resolves to the pinned libduckdb.so found by <see cref="AssetLocator"/>.
/// </summary>
internal static unsafe partial class NativeMethods
{
    internal const string Library = "duckdb";

    private static IntPtr loaded;

    // A static constructor (not beforefieldinit) runs before the first call of any method of this
    // class, so the resolver is registered before the runtime resolves any of the imports below.
    static NativeMethods()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!string.Equals(libraryName, Library, StringComparison.Ordinal))
        {
            return IntPtr.Zero;
        }

        if (loaded == IntPtr.Zero)
        {
            var path = AssetLocator.DuckDbLibrary;
            try
            {
                loaded = NativeLibrary.Load(path);
            }
            catch (DllNotFoundException e)
            {
                throw new TrendInsightException($"Cannot load DuckDB from {path}: {e.Message}", false, e);
            }
        }

        return loaded;
    }

    /// <summary>Reads a NUL-terminated UTF-8 string that DuckDB owns (not freed here).</summary>
    internal static string? PtrToString(IntPtr utf8) => utf8 == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(utf8);

    /// <summary>Reads a NUL-terminated UTF-8 string that the caller owns, then frees it with duckdb_free.</summary>
    internal static string? PtrToStringAndFree(IntPtr utf8)
    {
        if (utf8 == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(utf8);
        }
        finally
        {
            duckdb_free(utf8);
        }
    }

    [LibraryImport(Library)]
    internal static partial void duckdb_free(IntPtr ptr);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_library_version();

    [LibraryImport(Library)]
    internal static partial ulong duckdb_vector_size();
}
