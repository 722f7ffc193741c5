using TrendInsight.DuckDb.Native;

namespace TrendInsight.DuckDb;

/// <summary>One column of an appender's data chunk: its type and where its vector's memory is.</summary>
internal sealed unsafe class AppendColumn
{
    public AppendColumn(int index, IntPtr logicalType)
    {
        Index = index;
        Type = NativeMethods.duckdb_get_type_id(logicalType);
        Physical = Type;
        if (Type == DuckDbType.Decimal)
        {
            Width = NativeMethods.duckdb_decimal_width(logicalType);
            Scale = NativeMethods.duckdb_decimal_scale(logicalType);
            Physical = NativeMethods.duckdb_decimal_internal_type(logicalType);
        }
        else if (Type == DuckDbType.List)
        {
            var child = NativeMethods.duckdb_list_type_child_type(logicalType);
            ChildType = NativeMethods.duckdb_get_type_id(child);
            NativeMethods.duckdb_destroy_logical_type(ref child);
        }
    }

    public int Index { get; }

    public DuckDbType Type { get; }

    public DuckDbType Physical { get; }

    public DuckDbType ChildType { get; }

    public int Width { get; }

    public int Scale { get; }

    public IntPtr Vector;
    public byte* Data;
    public ulong* Validity;

    public IntPtr ChildVector;
    public byte* ChildData;
    public ulong* ChildValidity;
    public ulong ListSize;
    public ulong ChildCapacity;

    /// <summary>Re-reads the vector's pointers after the chunk was created or reset.</summary>
    public void Bind(IntPtr chunk)
    {
        Vector = NativeMethods.duckdb_data_chunk_get_vector(chunk, (ulong)Index);
        Data = (byte*)NativeMethods.duckdb_vector_get_data(Vector);
        Validity = null;
        ChildVector = IntPtr.Zero;
        ChildData = null;
        ChildValidity = null;
        ListSize = 0;
        ChildCapacity = 0;
    }

    public void SetNull(ulong row)
    {
        if (Validity == null)
        {
            NativeMethods.duckdb_vector_ensure_validity_writable(Vector);
            Validity = NativeMethods.duckdb_vector_get_validity(Vector);
        }

        Validity[row >> 6] &= ~(1UL << (int)(row & 63));
    }

    /// <summary>Makes room for <paramref name="required"/> child entries of a LIST column.</summary>
    public void ReserveChildren(ulong required)
    {
        if (required <= ChildCapacity && ChildVector != IntPtr.Zero)
        {
            return;
        }

        var capacity = Math.Max(required, Math.Max(ChildCapacity * 2, 4096));
        if (NativeMethods.duckdb_list_vector_reserve(Vector, capacity) != DuckDbState.Success)
        {
            throw new DuckDbException($"DuckDB could not reserve {capacity} list entries", DuckDbErrorType.OutOfMemory);
        }

        ChildCapacity = capacity;
        var hadValidity = ChildValidity != null;
        ChildVector = NativeMethods.duckdb_list_vector_get_child(Vector);
        ChildData = (byte*)NativeMethods.duckdb_vector_get_data(ChildVector);
        ChildValidity = null;
        if (hadValidity)
        {
            NativeMethods.duckdb_vector_ensure_validity_writable(ChildVector);
            ChildValidity = NativeMethods.duckdb_vector_get_validity(ChildVector);
        }
    }

    public void SetChildNull(ulong index)
    {
        if (ChildValidity == null)
        {
            NativeMethods.duckdb_vector_ensure_validity_writable(ChildVector);
            ChildValidity = NativeMethods.duckdb_vector_get_validity(ChildVector);
        }

        ChildValidity[index >> 6] &= ~(1UL << (int)(index & 63));
    }
}
