using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using TrendInsight.DuckDb.Native;

namespace TrendInsight.DuckDb;

/// <summary>
/// Bulk insert into one table. Rows are written straight into a DuckDB data chunk (2,048 rows) that
/// is handed to DuckDB's appender when full, so appending costs no native call per value (strings
/// over 12 bytes excepted). Values go in the table's column order:
/// <c>appender.BeginRow().Append(1L).Append("露营").AppendNull().EndRow()</c>.
/// </summary>
/// <remarks>
/// <para>Not thread-safe; it belongs to the thread of its connection.</para>
/// <para>DuckDB commits appended rows as it flushes them; to make a whole load all-or-nothing, run
/// <c>BEGIN</c> before and <c>COMMIT</c> after on the same connection.</para>
/// <para><see cref="Dispose"/> flushes and closes, and throws if DuckDB rejects the remaining rows
/// (a constraint violation, for example); call <see cref="Close"/> to see that at a point of your choosing.</para>
/// </remarks>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle handle;
    private readonly AppendColumn[] columns;
    private readonly Action<DataChunkHandle>? handOff;
    private readonly IntPtr[]? chunkTypes;
    private DataChunkHandle chunk;
    private readonly string table;
    private readonly ulong capacity;
    private byte[] utf8 = new byte[256];
    private ulong row;
    private int column;
    private long rowsAppended;
    private bool closed;
    private bool disposed;

    /// <param name="connection">The connection.</param>
    /// <param name="table">The table whose columns the rows have.</param>
    /// <param name="schema">Its schema, or null.</param>
    /// <param name="handOff">
    /// Null: full chunks are appended to the table. Otherwise each full chunk is given to this callback,
    /// which owns it from then on, and the table only lends its column types (see <see cref="DuckDbRowStream"/>).
    /// </param>
    internal DuckDbAppender(ConnectionHandle connection, string table, string? schema, Action<DataChunkHandle>? handOff = null)
    {
        this.handOff = handOff;
        this.table = schema is null ? table : schema + "." + table;
        if (NativeMethods.duckdb_appender_create(connection, schema, table, out handle) != DuckDbState.Success)
        {
            var error = Error("cannot create the appender");
            handle.Dispose();
            throw error;
        }

        var count = (int)NativeMethods.duckdb_appender_column_count(handle);
        columns = new AppendColumn[count];
        var types = new IntPtr[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                types[i] = NativeMethods.duckdb_appender_column_type(handle, (ulong)i);
                columns[i] = new AppendColumn(i, types[i]);
            }

            chunk = NewChunk(types);
            if (handOff is not null)
            {
                // A new chunk is created after every hand-off, from the same types.
                chunkTypes = types;
            }
        }
        catch
        {
            handle.Dispose();
            DestroyTypes(types);
            throw;
        }

        if (chunkTypes is null)
        {
            DestroyTypes(types);
        }

        capacity = NativeMethods.duckdb_vector_size();
        BindVectors();
    }

    /// <summary>Number of columns of the table.</summary>
    public int ColumnCount => columns.Length;

    /// <summary>The logical types of the chunks handed off (hand-off mode only); owned by the appender.</summary>
    internal IntPtr[] ChunkTypes => chunkTypes ?? throw new InvalidOperationException("not a hand-off appender");

    /// <summary>DuckDB type of a column of the table.</summary>
    public DuckDbType GetColumnType(int ordinal) => columns[ordinal].Type;

    /// <summary>Rows ended so far (including rows still buffered).</summary>
    public long RowsAppended => rowsAppended;

    /// <summary>Starts a row; then one Append per column and <see cref="EndRow"/>.</summary>
    public DuckDbAppender BeginRow()
    {
        ThrowIfClosed();
        if (column != 0)
        {
            column = 0;
            throw Fail($"row {rowsAppended + 1} was begun before the previous one was ended", DuckDbErrorType.InvalidInput);
        }

        return this;
    }

    /// <summary>Ends the row; every column must have had a value.</summary>
    public DuckDbAppender EndRow()
    {
        if (column != columns.Length)
        {
            ThrowIfClosed();
            var given = column;
            column = 0;
            throw Fail($"row {rowsAppended + 1} has {given} value(s) but the table has {columns.Length} column(s)", DuckDbErrorType.InvalidInput);
        }

        column = 0;
        rowsAppended++;
        if (++row == capacity)
        {
            FlushChunk();
        }

        return this;
    }

    /// <summary>SQL NULL for the next column.</summary>
    public DuckDbAppender AppendNull()
    {
        var c = Next();
        c.SetNull(row);
        if (c.Type == DuckDbType.List)
        {
            ((DuckDbListEntry*)c.Data)[row] = new DuckDbListEntry { Offset = c.ListSize, Length = 0 };
        }

        column++;
        return this;
    }

    /// <summary>BOOLEAN.</summary>
    public DuckDbAppender Append(bool value)
    {
        var c = Next();
        if (c.Type != DuckDbType.Boolean)
        {
            throw Mismatch(c, "bool");
        }

        c.Data[row] = value ? (byte)1 : (byte)0;
        return Done(c);
    }

    /// <summary>Any integer column (range-checked), DOUBLE, FLOAT or DECIMAL.</summary>
    public DuckDbAppender Append(int value) => Append((long)value);

    /// <summary>Any integer column (range-checked), DOUBLE, FLOAT or DECIMAL.</summary>
    public DuckDbAppender Append(long value)
    {
        var c = Next();
        switch (c.Type)
        {
            case DuckDbType.BigInt:
                ((long*)c.Data)[row] = value;
                break;
            case DuckDbType.Integer:
                ((int*)c.Data)[row] = value is >= int.MinValue and <= int.MaxValue ? (int)value : throw OutOfRange(c, value);
                break;
            case DuckDbType.SmallInt:
                ((short*)c.Data)[row] = value is >= short.MinValue and <= short.MaxValue ? (short)value : throw OutOfRange(c, value);
                break;
            case DuckDbType.TinyInt:
                ((sbyte*)c.Data)[row] = value is >= sbyte.MinValue and <= sbyte.MaxValue ? (sbyte)value : throw OutOfRange(c, value);
                break;
            case DuckDbType.UBigInt:
                ((ulong*)c.Data)[row] = value >= 0 ? (ulong)value : throw OutOfRange(c, value);
                break;
            case DuckDbType.UInteger:
                ((uint*)c.Data)[row] = value is >= 0 and <= uint.MaxValue ? (uint)value : throw OutOfRange(c, value);
                break;
            case DuckDbType.USmallInt:
                ((ushort*)c.Data)[row] = value is >= 0 and <= ushort.MaxValue ? (ushort)value : throw OutOfRange(c, value);
                break;
            case DuckDbType.UTinyInt:
                c.Data[row] = value is >= 0 and <= byte.MaxValue ? (byte)value : throw OutOfRange(c, value);
                break;
            case DuckDbType.HugeInt:
                ((DuckDbHugeInt*)c.Data)[row] = new DuckDbHugeInt(value);
                break;
            case DuckDbType.Double:
                ((double*)c.Data)[row] = value;
                break;
            case DuckDbType.Float:
                ((float*)c.Data)[row] = value;
                break;
            case DuckDbType.Decimal:
                WriteScaled(c, Scaled(c, value));
                break;
            default:
                throw Mismatch(c, "long");
        }

        return Done(c);
    }

    /// <summary>DOUBLE, FLOAT or DECIMAL.</summary>
    public DuckDbAppender Append(double value)
    {
        var c = Next();
        switch (c.Type)
        {
            case DuckDbType.Double:
                ((double*)c.Data)[row] = value;
                break;
            case DuckDbType.Float:
                ((float*)c.Data)[row] = (float)value;
                break;
            case DuckDbType.Decimal:
                if (!double.IsFinite(value))
                {
                    throw OutOfRange(c, value);
                }

                WriteScaled(c, Scaled(c, (decimal)value));
                break;
            default:
                throw Mismatch(c, "double");
        }

        return Done(c);
    }

    /// <summary>DECIMAL (any width, rounded half away from zero to the column's scale), DOUBLE or FLOAT.</summary>
    public DuckDbAppender Append(decimal value)
    {
        var c = Next();
        switch (c.Type)
        {
            case DuckDbType.Decimal:
                WriteScaled(c, Scaled(c, value));
                break;
            case DuckDbType.Double:
                ((double*)c.Data)[row] = (double)value;
                break;
            case DuckDbType.Float:
                ((float*)c.Data)[row] = (float)value;
                break;
            default:
                throw Mismatch(c, "decimal");
        }

        return Done(c);
    }

    /// <summary>VARCHAR (or BLOB); null appends SQL NULL.</summary>
    public DuckDbAppender Append(string? value) => value is null ? AppendNull() : Append(value.AsSpan());

    /// <summary>VARCHAR (or BLOB) from characters, encoded to UTF-8 in a reused buffer.</summary>
    public DuckDbAppender Append(ReadOnlySpan<char> value)
    {
        var c = Next();
        if (c.Type is not (DuckDbType.Varchar or DuckDbType.Blob))
        {
            throw Mismatch(c, "string");
        }

        var length = Encode(value);
        WriteString(c.Vector, c.Data, row, new ReadOnlySpan<byte>(utf8, 0, length));
        return Done(c);
    }

    /// <summary>VARCHAR from UTF-8 bytes (checked to be valid UTF-8), or BLOB from any bytes.</summary>
    public DuckDbAppender AppendUtf8(ReadOnlySpan<byte> value) => AppendUtf8(value, validated: false);

    /// <summary>
    /// VARCHAR from UTF-8 bytes, or BLOB from any bytes. <paramref name="validated"/>: the caller has checked
    /// the bytes already (a slice of text it validated whole); they are then not checked again.
    /// </summary>
    public DuckDbAppender AppendUtf8(ReadOnlySpan<byte> value, bool validated)
    {
        var c = Next();
        if (c.Type is not (DuckDbType.Varchar or DuckDbType.Blob))
        {
            throw Mismatch(c, "UTF-8 bytes");
        }

        if (c.Type == DuckDbType.Varchar && !validated && !Utf8.IsValid(value))
        {
            throw Fail($"column {c.Index + 1} (VARCHAR): the bytes are not valid UTF-8", DuckDbErrorType.Conversion);
        }

        WriteString(c.Vector, c.Data, row, value);
        return Done(c);
    }

    /// <summary>DATE, or midnight for a TIMESTAMP / TIMESTAMPTZ (UTC) column.</summary>
    public DuckDbAppender Append(DateOnly value)
    {
        var c = Next();
        switch (c.Type)
        {
            case DuckDbType.Date:
                ((int*)c.Data)[row] = DuckDbValues.DaysFromDate(value);
                break;
            case DuckDbType.Timestamp:
            case DuckDbType.TimestampTz:
                ((long*)c.Data)[row] = (long)DuckDbValues.DaysFromDate(value) * 86_400_000_000L;
                break;
            default:
                throw Mismatch(c, "DateOnly");
        }

        return Done(c);
    }

    /// <summary>
    /// TIMESTAMP (wall-clock time as given), or TIMESTAMPTZ (a Local value is converted to UTC; Utc
    /// and Unspecified are taken as UTC).
    /// </summary>
    public DuckDbAppender Append(DateTime value)
    {
        var c = Next();
        switch (c.Type)
        {
            case DuckDbType.Timestamp:
                ((long*)c.Data)[row] = DuckDbValues.MicrosFromDateTime(value);
                break;
            case DuckDbType.TimestampTz:
                ((long*)c.Data)[row] = DuckDbValues.UtcMicrosFromDateTime(value);
                break;
            default:
                throw Mismatch(c, "DateTime");
        }

        return Done(c);
    }

    /// <summary>TIMESTAMPTZ (stored as the UTC instant).</summary>
    public DuckDbAppender Append(DateTimeOffset value)
    {
        var c = Next();
        if (c.Type != DuckDbType.TimestampTz)
        {
            throw Mismatch(c, "DateTimeOffset");
        }

        ((long*)c.Data)[row] = DuckDbValues.MicrosFromDateTimeOffset(value);
        return Done(c);
    }

    /// <summary>LIST of VARCHAR; elements may be null; a null list appends SQL NULL.</summary>
    public DuckDbAppender Append(IReadOnlyList<string?>? values)
    {
        if (values is null)
        {
            return AppendNull();
        }

        var c = Next();
        if (c.Type != DuckDbType.List || c.ChildType != DuckDbType.Varchar)
        {
            throw Mismatch(c, "string list");
        }

        var offset = c.ListSize;
        var count = (ulong)values.Count;
        c.ReserveChildren(offset + count);
        for (var i = 0; i < values.Count; i++)
        {
            var index = offset + (ulong)i;
            var item = values[i];
            if (item is null)
            {
                c.SetChildNull(index);
                continue;
            }

            if (c.ChildValidity != null)
            {
                c.ChildValidity[index >> 6] |= 1UL << (int)(index & 63);
            }

            var length = Encode(item);
            WriteString(c.ChildVector, c.ChildData, index, new ReadOnlySpan<byte>(utf8, 0, length));
        }

        c.ListSize = offset + count;
        ((DuckDbListEntry*)c.Data)[row] = new DuckDbListEntry { Offset = offset, Length = count };
        return Done(c);
    }

    /// <summary>As the non-nullable overload; null appends SQL NULL.</summary>
    public DuckDbAppender Append(bool? value) => value.HasValue ? Append(value.GetValueOrDefault()) : AppendNull();

    /// <summary>As the non-nullable overload; null appends SQL NULL.</summary>
    public DuckDbAppender Append(int? value) => value.HasValue ? Append(value.GetValueOrDefault()) : AppendNull();

    /// <summary>As the non-nullable overload; null appends SQL NULL.</summary>
    public DuckDbAppender Append(long? value) => value.HasValue ? Append(value.GetValueOrDefault()) : AppendNull();

    /// <summary>As the non-nullable overload; null appends SQL NULL.</summary>
    public DuckDbAppender Append(double? value) => value.HasValue ? Append(value.GetValueOrDefault()) : AppendNull();

    /// <summary>As the non-nullable overload; null appends SQL NULL.</summary>
    public DuckDbAppender Append(decimal? value) => value.HasValue ? Append(value.GetValueOrDefault()) : AppendNull();

    /// <summary>As the non-nullable overload; null appends SQL NULL.</summary>
    public DuckDbAppender Append(DateOnly? value) => value.HasValue ? Append(value.GetValueOrDefault()) : AppendNull();

    /// <summary>As the non-nullable overload; null appends SQL NULL.</summary>
    public DuckDbAppender Append(DateTime? value) => value.HasValue ? Append(value.GetValueOrDefault()) : AppendNull();

    /// <summary>As the non-nullable overload; null appends SQL NULL.</summary>
    public DuckDbAppender Append(DateTimeOffset? value) => value.HasValue ? Append(value.GetValueOrDefault()) : AppendNull();

    /// <summary>Appends a boxed value by its runtime type (null and DBNull append SQL NULL).</summary>
    public DuckDbAppender AppendValue(object? value) => value switch
    {
        null or DBNull => AppendNull(),
        string s => Append(s),
        long l => Append(l),
        int i => Append(i),
        short s => Append(s),
        byte b => Append(b),
        double d => Append(d),
        float f => Append(f),
        decimal m => Append(m),
        bool b => Append(b),
        DateOnly d => Append(d),
        DateTime t => Append(t),
        DateTimeOffset t => Append(t),
        IReadOnlyList<string?> list => Append(list),
        _ => throw Fail($"column {column + 1}: values of type {value.GetType().Name} cannot be appended", DuckDbErrorType.MismatchType),
    };

    /// <summary>Hands the buffered rows to DuckDB and lets it write them to the table.</summary>
    /// <exception cref="DuckDbException">DuckDB rejected the rows (e.g. a constraint violation).</exception>
    public void Flush()
    {
        ThrowIfClosed();
        FlushChunk();
        if (handOff is null && NativeMethods.duckdb_appender_flush(handle) != DuckDbState.Success)
        {
            throw Error("flush failed");
        }
    }

    /// <summary>Flushes and closes; further appends fail.</summary>
    /// <exception cref="DuckDbException">DuckDB rejected the remaining rows.</exception>
    public void Close()
    {
        if (closed)
        {
            return;
        }

        try
        {
            FlushChunk();
            if (NativeMethods.duckdb_appender_close(handle) != DuckDbState.Success)
            {
                throw Error("close failed");
            }
        }
        finally
        {
            // Out of range for Next(), so an Append after closing throws instead of writing into a freed chunk.
            closed = true;
            column = -1;
        }
    }

    /// <summary>Closes (flushing what is buffered) and frees the native appender.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            Close();
        }
        finally
        {
            chunk.Dispose();
            handle.Dispose();
            if (chunkTypes is not null)
            {
                DestroyTypes(chunkTypes);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AppendColumn Next()
    {
        if ((uint)column >= (uint)columns.Length)
        {
            ThrowTooManyValues();
        }

        return columns[column];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DuckDbAppender Done(AppendColumn c)
    {
        if (c.Validity != null)
        {
            c.Validity[row >> 6] |= 1UL << (int)(row & 63);
        }

        column++;
        return this;
    }

    private void ThrowTooManyValues()
    {
        ThrowIfClosed();
        column = 0;
        throw Fail($"row {rowsAppended + 1} has more values than the table's {columns.Length} column(s)", DuckDbErrorType.InvalidInput);
    }

    private int Encode(ReadOnlySpan<char> value)
    {
        if (value.Length * 3 > utf8.Length)
        {
            var needed = Encoding.UTF8.GetByteCount(value);
            if (needed > utf8.Length)
            {
                utf8 = new byte[Math.Max(needed, utf8.Length * 2)];
            }
        }

        return Encoding.UTF8.GetBytes(value, utf8);
    }

    private static void WriteString(IntPtr vector, byte* data, ulong index, ReadOnlySpan<byte> bytes)
    {
        var target = (DuckDbStringT*)data + index;
        if (bytes.Length <= DuckDbStringT.InlineLength)
        {
            // Short strings live inside the 16-byte string_t itself; the unused bytes must be zero
            // because DuckDB compares inlined strings as raw bytes.
            target->Length = (uint)bytes.Length;
            target->Prefix = 0;
            target->Pointer = IntPtr.Zero;
            bytes.CopyTo(new Span<byte>((byte*)target + 4, DuckDbStringT.InlineLength));
            return;
        }

        fixed (byte* p = bytes)
        {
            NativeMethods.duckdb_vector_assign_string_element_len(vector, index, p, (ulong)bytes.Length);
        }
    }

    private Int128 Scaled(AppendColumn c, decimal value)
    {
        try
        {
            return DuckDbValues.ScaledFromDecimal(value, c.Width, c.Scale);
        }
        catch (DuckDbException)
        {
            column = 0;
            throw;
        }
    }

    private void WriteScaled(AppendColumn c, Int128 scaled)
    {
        switch (c.Physical)
        {
            case DuckDbType.SmallInt:
                ((short*)c.Data)[row] = (short)scaled;
                break;
            case DuckDbType.Integer:
                ((int*)c.Data)[row] = (int)scaled;
                break;
            case DuckDbType.BigInt:
                ((long*)c.Data)[row] = (long)scaled;
                break;
            default:
                ((DuckDbHugeInt*)c.Data)[row] = new DuckDbHugeInt(scaled);
                break;
        }
    }

    private void FlushChunk()
    {
        if (row == 0)
        {
            return;
        }

        foreach (var c in columns)
        {
            if (c.Type == DuckDbType.List)
            {
                NativeMethods.duckdb_list_vector_set_size(c.Vector, c.ListSize);
            }
        }

        NativeMethods.duckdb_data_chunk_set_size(chunk.DangerousGetHandle(), row);
        if (handOff is not null)
        {
            var full = chunk;
            chunk = NewChunk(chunkTypes!);
            row = 0;
            BindVectors();
            handOff(full);
            return;
        }

        var state = NativeMethods.duckdb_append_data_chunk(handle, chunk.DangerousGetHandle());
        row = 0;
        NativeMethods.duckdb_data_chunk_reset(chunk.DangerousGetHandle());
        BindVectors();
        if (state != DuckDbState.Success)
        {
            throw Error("appending a chunk failed");
        }
    }

    private static DataChunkHandle NewChunk(IntPtr[] types)
    {
        fixed (IntPtr* p = types)
        {
            return new DataChunkHandle(NativeMethods.duckdb_create_data_chunk(p, (ulong)types.Length));
        }
    }

    private static void DestroyTypes(IntPtr[] types)
    {
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] != IntPtr.Zero)
            {
                NativeMethods.duckdb_destroy_logical_type(ref types[i]);
            }
        }
    }

    private void BindVectors()
    {
        var native = chunk.DangerousGetHandle();
        foreach (var c in columns)
        {
            c.Bind(native);
        }
    }

    private void ThrowIfClosed()
    {
        if (closed || disposed)
        {
            throw new ObjectDisposedException(nameof(DuckDbAppender), $"The appender for {table} is closed");
        }
    }

    private DuckDbException Error(string what)
    {
        var data = NativeMethods.duckdb_appender_error_data(handle);
        try
        {
            var message = data == IntPtr.Zero ? null : NativeMethods.PtrToString(NativeMethods.duckdb_error_data_message(data));
            var type = data == IntPtr.Zero ? DuckDbErrorType.Invalid : (DuckDbErrorType)NativeMethods.duckdb_error_data_error_type(data);
            if (string.IsNullOrEmpty(message))
            {
                message = $"DuckDB appender for {table}: {what}";
            }

            if (type == DuckDbErrorType.Invalid)
            {
                type = DuckDbErrors.TypeFromMessage(message);
            }

            return new DuckDbException($"{message} (appending to {table})", type, table);
        }
        finally
        {
            if (data != IntPtr.Zero)
            {
                NativeMethods.duckdb_destroy_error_data(ref data);
            }
        }
    }

    private DuckDbException Fail(string message, DuckDbErrorType type) =>
        new($"Appender for {table}: {message}", type, table);

    private DuckDbException Mismatch(AppendColumn c, string clrType)
    {
        column = 0;
        var type = c.Type switch
        {
            DuckDbType.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({c.Width},{c.Scale})"),
            DuckDbType.List => $"LIST of {c.ChildType.ToString().ToUpperInvariant()}",
            _ => c.Type.ToString().ToUpperInvariant(),
        };
        return Fail($"column {c.Index + 1} is {type}; a {clrType} cannot be appended to it", DuckDbErrorType.MismatchType);
    }

    private DuckDbException OutOfRange(AppendColumn c, object value)
    {
        column = 0;
        return Fail(
            string.Create(CultureInfo.InvariantCulture, $"column {c.Index + 1} ({c.Type.ToString().ToUpperInvariant()}): {value} is out of range"),
            DuckDbErrorType.OutOfRange);
    }
}
