using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using TrendInsight.DuckDb.Native;

namespace TrendInsight.DuckDb;

/// <summary>Binds CLR values to the positional parameters ($1, $2 … or ?) of a prepared statement.</summary>
internal static unsafe class ParameterBinder
{
    /// <summary>
    /// A string[] passed where <c>params object?[]</c> is expected arrives as the parameter array
    /// itself (array covariance); it is meant as one LIST parameter.
    /// </summary>
    public static object?[] Normalize(object?[]? parameters) => parameters switch
    {
        null => [null],
        _ when parameters.GetType() != typeof(object[]) => [parameters],
        _ => parameters,
    };

    public static void Bind(PreparedStatementHandle statement, object?[] parameters, string sql)
    {
        parameters = Normalize(parameters);
        var expected = (long)NativeMethods.duckdb_nparams(statement);
        if (expected != parameters.Length)
        {
            throw new DuckDbException(
                $"Invalid Input Error: the statement has {expected} parameter(s) but {parameters.Length} value(s) were given",
                DuckDbErrorType.InvalidInput, sql);
        }

        NativeMethods.duckdb_clear_bindings(statement);
        for (var i = 0; i < parameters.Length; i++)
        {
            var index = (ulong)(i + 1);
            var state = BindOne(statement, index, parameters[i], sql);
            if (state != DuckDbState.Success)
            {
                var message = NativeMethods.PtrToString(NativeMethods.duckdb_prepare_error(statement));
                throw DuckDbErrors.FromMessage(message, sql, $"Cannot bind parameter ${index} ({Describe(parameters[i])})");
            }
        }
    }

    private static DuckDbState BindOne(PreparedStatementHandle s, ulong index, object? value, string sql)
    {
        switch (value)
        {
            case null:
            case DBNull:
                return NativeMethods.duckdb_bind_null(s, index);
            case string text:
                return BindString(s, index, text);
            case long l:
                return NativeMethods.duckdb_bind_int64(s, index, l);
            case int n:
                return NativeMethods.duckdb_bind_int32(s, index, n);
            case short n:
                return NativeMethods.duckdb_bind_int32(s, index, n);
            case sbyte n:
                return NativeMethods.duckdb_bind_int32(s, index, n);
            case byte n:
                return NativeMethods.duckdb_bind_int32(s, index, n);
            case ushort n:
                return NativeMethods.duckdb_bind_int32(s, index, n);
            case uint n:
                return NativeMethods.duckdb_bind_int64(s, index, n);
            case ulong n:
                return NativeMethods.duckdb_bind_uint64(s, index, n);
            case Int128 h:
                return NativeMethods.duckdb_bind_hugeint(s, index, new DuckDbHugeInt(h));
            case double d:
                return NativeMethods.duckdb_bind_double(s, index, d);
            case float f:
                return NativeMethods.duckdb_bind_float(s, index, f);
            case bool b:
                return NativeMethods.duckdb_bind_boolean(s, index, b ? (byte)1 : (byte)0);
            case decimal m:
                return BindDecimal(s, index, m);
            case DateOnly date:
                return NativeMethods.duckdb_bind_date(s, index, DuckDbValues.DaysFromDate(date));
            case DateTime dt:
                return NativeMethods.duckdb_bind_timestamp(s, index, DuckDbValues.MicrosFromDateTime(dt));
            case DateTimeOffset dto:
                return NativeMethods.duckdb_bind_timestamp_tz(s, index, DuckDbValues.MicrosFromDateTimeOffset(dto));
            case byte[] blob:
                // Pinned through the data reference so that an empty array still gives DuckDB a valid pointer.
                fixed (byte* p = &MemoryMarshal.GetArrayDataReference(blob))
                {
                    return NativeMethods.duckdb_bind_blob(s, index, p, (ulong)blob.Length);
                }

            case IEnumerable<string?> list:
                return BindStringList(s, index, list);
            default:
                throw new DuckDbException(
                    $"Invalid Input Error: parameter ${index} is a {value.GetType().Name}, which cannot be bound "
                    + "(use string, long, int, double, bool, decimal, DateOnly, DateTime, DateTimeOffset, string[] or null)",
                    DuckDbErrorType.InvalidInput, sql);
        }
    }

    private static DuckDbState BindString(PreparedStatementHandle s, ulong index, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 1024 ? stackalloc byte[max] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            fixed (byte* p = buffer)
            {
                return NativeMethods.duckdb_bind_varchar_length(s, index, p, (ulong)length);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static DuckDbState BindDecimal(PreparedStatementHandle s, ulong index, decimal value)
    {
        var scale = value.Scale;
        var value128 = DuckDbValues.ScaledFromDecimal(value, 38, scale);
        var native = new DuckDbDecimalStruct { Width = 38, Scale = (byte)scale, Value = new DuckDbHugeInt(value128) };
        return NativeMethods.duckdb_bind_decimal(s, index, native);
    }

    private static DuckDbState BindStringList(PreparedStatementHandle s, ulong index, IEnumerable<string?> list)
    {
        var values = new List<IntPtr>();
        var childType = NativeMethods.duckdb_create_logical_type(DuckDbType.Varchar);
        var listValue = IntPtr.Zero;
        try
        {
            foreach (var item in list)
            {
                values.Add(item is null ? NativeMethods.duckdb_create_null_value() : CreateVarchar(item));
            }

            // DuckDB rejects a null values pointer, so an empty list still passes a (one-slot) array.
            var array = values.Count == 0 ? new IntPtr[1] : values.ToArray();
            fixed (IntPtr* p = array)
            {
                listValue = NativeMethods.duckdb_create_list_value(childType, p, (ulong)values.Count);
            }

            if (listValue == IntPtr.Zero)
            {
                throw new DuckDbException($"DuckDB could not build the list for parameter ${index}", DuckDbErrorType.InvalidInput);
            }

            return NativeMethods.duckdb_bind_value(s, index, listValue);
        }
        finally
        {
            if (listValue != IntPtr.Zero)
            {
                NativeMethods.duckdb_destroy_value(ref listValue);
            }

            for (var i = 0; i < values.Count; i++)
            {
                var v = values[i];
                NativeMethods.duckdb_destroy_value(ref v);
            }

            NativeMethods.duckdb_destroy_logical_type(ref childType);
        }
    }

    private static IntPtr CreateVarchar(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        fixed (byte* p = &MemoryMarshal.GetArrayDataReference(bytes))
        {
            return NativeMethods.duckdb_create_varchar_length(p, (ulong)bytes.Length);
        }
    }

    private static string Describe(object? value) => value is null ? "null" : value.GetType().Name;
}
