using System.Globalization;
using System.Text;
using TrendInsight.DuckDb.Native;

namespace TrendInsight.DuckDb;

/// <summary>
/// Reads one column of the current data chunk straight from DuckDB's vector memory: the type is
/// resolved once per result, the data and validity pointers once per chunk.
/// </summary>
internal sealed unsafe class ColumnVector
{
    private byte* data;
    private ulong* validity;

    private ColumnVector(string name, DuckDbType type)
    {
        Name = name;
        Type = type;
        Physical = type;
    }

    public string Name { get; }

    public DuckDbType Type { get; }

    /// <summary>The storage type: the internal integer type of a DECIMAL or ENUM, else <see cref="Type"/>.</summary>
    public DuckDbType Physical { get; private set; }

    public int Scale { get; private set; }

    public int Width { get; private set; }

    public string[]? EnumValues { get; private set; }

    public ColumnVector? Child { get; private set; }

    /// <summary>Resolves the column's type from a logical type (which the caller still owns).</summary>
    public static ColumnVector Create(string name, IntPtr logicalType)
    {
        var column = new ColumnVector(name, NativeMethods.duckdb_get_type_id(logicalType));
        switch (column.Type)
        {
            case DuckDbType.Decimal:
                column.Width = NativeMethods.duckdb_decimal_width(logicalType);
                column.Scale = NativeMethods.duckdb_decimal_scale(logicalType);
                column.Physical = NativeMethods.duckdb_decimal_internal_type(logicalType);
                break;
            case DuckDbType.Enum:
                column.Physical = NativeMethods.duckdb_enum_internal_type(logicalType);
                var size = NativeMethods.duckdb_enum_dictionary_size(logicalType);
                var values = new string[size];
                for (var i = 0u; i < size; i++)
                {
                    values[i] = NativeMethods.PtrToStringAndFree(NativeMethods.duckdb_enum_dictionary_value(logicalType, i)) ?? string.Empty;
                }

                column.EnumValues = values;
                break;
            case DuckDbType.List:
                var child = NativeMethods.duckdb_list_type_child_type(logicalType);
                try
                {
                    column.Child = Create(name + "[]", child);
                }
                finally
                {
                    NativeMethods.duckdb_destroy_logical_type(ref child);
                }

                break;
        }

        return column;
    }

    /// <summary>Points this column at a vector of the current chunk.</summary>
    public void Bind(IntPtr vector)
    {
        data = (byte*)NativeMethods.duckdb_vector_get_data(vector);
        validity = NativeMethods.duckdb_vector_get_validity(vector);
        Child?.Bind(NativeMethods.duckdb_list_vector_get_child(vector));
    }

    public bool IsNull(ulong row) => validity != null && (validity[row >> 6] & (1UL << (int)(row & 63))) == 0;

    public bool GetBoolean(ulong row) => Type == DuckDbType.Boolean ? data[row] != 0 : throw Mismatch("bool");

    public long GetInt64(ulong row)
    {
        switch (Type)
        {
            case DuckDbType.TinyInt: return ((sbyte*)data)[row];
            case DuckDbType.SmallInt: return ((short*)data)[row];
            case DuckDbType.Integer: return ((int*)data)[row];
            case DuckDbType.BigInt: return ((long*)data)[row];
            case DuckDbType.UTinyInt: return data[row];
            case DuckDbType.USmallInt: return ((ushort*)data)[row];
            case DuckDbType.UInteger: return ((uint*)data)[row];
            case DuckDbType.UBigInt:
                var u = ((ulong*)data)[row];
                return u <= long.MaxValue ? (long)u : throw OutOfRange(u.ToString(CultureInfo.InvariantCulture), "long");
            case DuckDbType.HugeInt:
            case DuckDbType.UHugeInt:
                var h = ReadInt128(row, Type);
                return h >= long.MinValue && h <= long.MaxValue ? (long)h : throw OutOfRange(h.ToString(CultureInfo.InvariantCulture), "long");
            case DuckDbType.Decimal when Scale == 0:
                var s = ReadScaled(row);
                return s >= long.MinValue && s <= long.MaxValue ? (long)s : throw OutOfRange(s.ToString(CultureInfo.InvariantCulture), "long");
            default:
                throw Mismatch("long");
        }
    }

    public int GetInt32(ulong row)
    {
        var value = GetInt64(row);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw OutOfRange(value.ToString(CultureInfo.InvariantCulture), "int");
    }

    public double GetDouble(ulong row) => Type switch
    {
        DuckDbType.Float => ((float*)data)[row],
        DuckDbType.Double => ((double*)data)[row],
        DuckDbType.Decimal => (double)ReadScaled(row) / Math.Pow(10, Scale),
        DuckDbType.HugeInt or DuckDbType.UHugeInt => (double)ReadInt128(row, Type),
        DuckDbType.UBigInt => ((ulong*)data)[row],
        DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer or DuckDbType.BigInt
            or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger => GetInt64(row),
        _ => throw Mismatch("double"),
    };

    public decimal GetDecimal(ulong row) => Type switch
    {
        DuckDbType.Decimal => DuckDbValues.DecimalFromScaled(ReadScaled(row), Scale),
        DuckDbType.Float or DuckDbType.Double => (decimal)GetDouble(row),
        DuckDbType.HugeInt or DuckDbType.UHugeInt => DuckDbValues.DecimalFromScaled(ReadInt128(row, Type), 0),
        DuckDbType.UBigInt => ((ulong*)data)[row],
        DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer or DuckDbType.BigInt
            or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger => GetInt64(row),
        _ => throw Mismatch("decimal"),
    };

    public string GetString(ulong row)
    {
        if (Type == DuckDbType.Varchar)
        {
            var s = (DuckDbStringT*)data + row;
            var length = (int)s->Length;
            var bytes = length <= DuckDbStringT.InlineLength ? (byte*)s + 4 : (byte*)s->Pointer;
            return Encoding.UTF8.GetString(bytes, length);
        }

        if (Type == DuckDbType.Enum)
        {
            var index = Physical switch
            {
                DuckDbType.UTinyInt => data[row],
                DuckDbType.USmallInt => ((ushort*)data)[row],
                _ => ((uint*)data)[row],
            };
            return EnumValues![index];
        }

        throw Mismatch("string");
    }

    public byte[] GetBlob(ulong row)
    {
        if (Type is not (DuckDbType.Blob or DuckDbType.Varchar))
        {
            throw Mismatch("byte[]");
        }

        var s = (DuckDbStringT*)data + row;
        var length = (int)s->Length;
        var bytes = length <= DuckDbStringT.InlineLength ? (byte*)s + 4 : (byte*)s->Pointer;
        return new ReadOnlySpan<byte>(bytes, length).ToArray();
    }

    public DateOnly GetDate(ulong row) => Type switch
    {
        DuckDbType.Date => DuckDbValues.DateFromDays(((int*)data)[row]),
        DuckDbType.Timestamp or DuckDbType.TimestampTz => DateOnly.FromDateTime(GetDateTime(row)),
        _ => throw Mismatch("DateOnly"),
    };

    public DateTime GetDateTime(ulong row) => Type switch
    {
        DuckDbType.Timestamp => DuckDbValues.DateTimeFromMicros(((long*)data)[row], DateTimeKind.Unspecified),
        DuckDbType.TimestampTz => DuckDbValues.DateTimeFromMicros(((long*)data)[row], DateTimeKind.Utc),
        DuckDbType.TimestampS => DuckDbValues.DateTimeFromMicros(checked(((long*)data)[row] * 1_000_000), DateTimeKind.Unspecified),
        DuckDbType.TimestampMs => DuckDbValues.DateTimeFromMicros(checked(((long*)data)[row] * 1_000), DateTimeKind.Unspecified),
        DuckDbType.TimestampNs => DuckDbValues.DateTimeFromMicros(((long*)data)[row] / 1_000, DateTimeKind.Unspecified),
        DuckDbType.Date => GetDate(row).ToDateTime(TimeOnly.MinValue),
        _ => throw Mismatch("DateTime"),
    };

    public DateTimeOffset GetDateTimeOffset(ulong row) => Type switch
    {
        DuckDbType.TimestampTz => new DateTimeOffset(DuckDbValues.DateTimeFromMicros(((long*)data)[row], DateTimeKind.Utc)),
        _ => throw Mismatch("DateTimeOffset"),
    };

    public TimeOnly GetTime(ulong row) =>
        Type == DuckDbType.Time ? new TimeOnly(((long*)data)[row] * 10) : throw Mismatch("TimeOnly");

    public Guid GetGuid(ulong row)
    {
        if (Type != DuckDbType.Uuid)
        {
            throw Mismatch("Guid");
        }

        // DuckDB stores a UUID as a hugeint with the top bit flipped so that it sorts as unsigned.
        var h = ((DuckDbHugeInt*)data)[row];
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)h.Upper ^ (1UL << 63));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], h.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    public string?[] GetStringList(ulong row)
    {
        if (Type != DuckDbType.List || Child is null || Child.Type is not (DuckDbType.Varchar or DuckDbType.Enum))
        {
            throw Mismatch("string list");
        }

        var entry = ((DuckDbListEntry*)data)[row];
        var values = new string?[entry.Length];
        for (var i = 0UL; i < entry.Length; i++)
        {
            var childRow = entry.Offset + i;
            values[i] = Child.IsNull(childRow) ? null : Child.GetString(childRow);
        }

        return values;
    }

    /// <summary>The value as its natural CLR type, boxed; null for SQL NULL.</summary>
    public object? GetValue(ulong row)
    {
        if (IsNull(row))
        {
            return null;
        }

        switch (Type)
        {
            case DuckDbType.Boolean: return GetBoolean(row);
            case DuckDbType.TinyInt: return ((sbyte*)data)[row];
            case DuckDbType.SmallInt: return ((short*)data)[row];
            case DuckDbType.Integer: return ((int*)data)[row];
            case DuckDbType.BigInt: return ((long*)data)[row];
            case DuckDbType.UTinyInt: return data[row];
            case DuckDbType.USmallInt: return ((ushort*)data)[row];
            case DuckDbType.UInteger: return ((uint*)data)[row];
            case DuckDbType.UBigInt: return ((ulong*)data)[row];
            case DuckDbType.HugeInt: return ReadInt128(row, Type);
            case DuckDbType.UHugeInt: return (UInt128)ReadInt128Bits(row);
            case DuckDbType.Float: return ((float*)data)[row];
            case DuckDbType.Double: return ((double*)data)[row];
            case DuckDbType.Decimal: return GetDecimal(row);
            case DuckDbType.Varchar:
            case DuckDbType.Enum: return GetString(row);
            case DuckDbType.Blob: return GetBlob(row);
            case DuckDbType.Date: return GetDate(row);
            case DuckDbType.Time: return GetTime(row);
            case DuckDbType.Timestamp:
            case DuckDbType.TimestampS:
            case DuckDbType.TimestampMs:
            case DuckDbType.TimestampNs: return GetDateTime(row);
            case DuckDbType.TimestampTz: return GetDateTimeOffset(row);
            case DuckDbType.Uuid: return GetGuid(row);
            case DuckDbType.List when Child!.Type is DuckDbType.Varchar or DuckDbType.Enum: return GetStringList(row);
            case DuckDbType.List:
                var entry = ((DuckDbListEntry*)data)[row];
                var values = new object?[entry.Length];
                for (var i = 0UL; i < entry.Length; i++)
                {
                    values[i] = Child.GetValue(entry.Offset + i);
                }

                return values;
            default:
                throw new DuckDbException(
                    $"Column '{Name}' is {Type}, which this binding does not read; cast it in SQL (e.g. {Name}::VARCHAR)",
                    DuckDbErrorType.NotImplemented);
        }
    }

    private UInt128 ReadInt128Bits(ulong row)
    {
        var h = ((DuckDbHugeInt*)data)[row];
        return new UInt128((ulong)h.Upper, h.Lower);
    }

    private Int128 ReadInt128(ulong row, DuckDbType type)
    {
        if (type == DuckDbType.UHugeInt)
        {
            var u = ReadInt128Bits(row);
            return u <= (UInt128)Int128.MaxValue ? (Int128)u : throw OutOfRange(u.ToString(CultureInfo.InvariantCulture), "Int128");
        }

        return ((DuckDbHugeInt*)data)[row].ToInt128();
    }

    private Int128 ReadScaled(ulong row) => Physical switch
    {
        DuckDbType.SmallInt => ((short*)data)[row],
        DuckDbType.Integer => ((int*)data)[row],
        DuckDbType.BigInt => ((long*)data)[row],
        _ => ((DuckDbHugeInt*)data)[row].ToInt128(),
    };

    private DuckDbException Mismatch(string clrType) =>
        new($"Column '{Name}' is {Describe()}; it cannot be read as {clrType}", DuckDbErrorType.MismatchType);

    private DuckDbException OutOfRange(string value, string clrType) =>
        new($"Column '{Name}' value {value} does not fit {clrType}", DuckDbErrorType.OutOfRange);

    private string Describe() => Type switch
    {
        DuckDbType.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({Width},{Scale})"),
        DuckDbType.List => $"LIST of {Child!.Describe()}",
        _ => Type.ToString().ToUpperInvariant(),
    };
}
