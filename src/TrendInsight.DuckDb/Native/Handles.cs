using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TrendInsight.DuckDb.Native;

/// <summary>Owns a duckdb_database; closing it is safe while connections are still open (they keep the instance alive).</summary>
internal sealed class DatabaseHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DatabaseHandle()
        : base(true)
    {
    }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_close(ref h);
        return true;
    }
}

/// <summary>Owns a duckdb_connection.</summary>
internal sealed class ConnectionHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConnectionHandle()
        : base(true)
    {
    }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_disconnect(ref h);
        return true;
    }
}

/// <summary>Owns a duckdb_prepared_statement.</summary>
internal sealed class PreparedStatementHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PreparedStatementHandle()
        : base(true)
    {
    }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_prepare(ref h);
        return true;
    }
}

/// <summary>Owns a duckdb_appender (destroy also closes it, flushing what is left).</summary>
internal sealed class AppenderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public AppenderHandle()
        : base(true)
    {
    }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_appender_destroy(ref h);
        return true;
    }
}

/// <summary>
/// Owns the native memory of one duckdb_result struct (48 bytes) and the result it holds. The
/// handle value is the duckdb_result pointer the C API takes.
/// </summary>
internal sealed unsafe class ResultHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ResultHandle()
        : base(true)
    {
        SetHandle((IntPtr)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct)));
    }

    /// <summary>The struct by value, for duckdb_fetch_chunk.</summary>
    public DuckDbResultStruct Value => *(DuckDbResultStruct*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_result(handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}

/// <summary>Owns a duckdb_data_chunk.</summary>
internal sealed class DataChunkHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DataChunkHandle(IntPtr chunk)
        : base(true)
    {
        SetHandle(chunk);
    }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_data_chunk(ref h);
        return true;
    }
}

/// <summary>Owns a duckdb_logical_type.</summary>
internal sealed class LogicalTypeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public LogicalTypeHandle(IntPtr type)
        : base(true)
    {
        SetHandle(type);
    }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.duckdb_destroy_logical_type(ref h);
        return true;
    }
}
