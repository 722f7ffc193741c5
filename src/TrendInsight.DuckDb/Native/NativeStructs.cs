using System.Runtime.InteropServices;

namespace TrendInsight.DuckDb.Native;

/// <summary>duckdb_state.</summary>
internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}

/// <summary>duckdb_result: 48 bytes, passed by pointer except to duckdb_fetch_chunk.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbResultStruct
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public IntPtr DeprecatedColumns;
    public IntPtr DeprecatedErrorMessage;
    public IntPtr InternalData;
}

/// <summary>duckdb_hugeint: lower 64 bits unsigned, upper 64 bits signed.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbHugeInt
{
    public ulong Lower;
    public long Upper;

    public DuckDbHugeInt(Int128 value)
    {
        Lower = (ulong)(value & ulong.MaxValue);
        Upper = (long)(value >> 64);
    }

    public readonly Int128 ToInt128() => new((ulong)Upper, Lower);
}

/// <summary>duckdb_decimal: width, scale, then the scaled value as a hugeint (24 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimalStruct
{
    public byte Width;
    public byte Scale;
    public DuckDbHugeInt Value;
}

/// <summary>duckdb_list_entry.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbListEntry
{
    public ulong Offset;
    public ulong Length;
}

/// <summary>
/// duckdb_string_t (16 bytes): a 4-byte length, then up to 12 inlined bytes, or for longer strings a
/// 4-byte prefix and a pointer to the bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbStringT
{
    public const int InlineLength = 12;

    public uint Length;
    public uint Prefix;
    public IntPtr Pointer;
}
