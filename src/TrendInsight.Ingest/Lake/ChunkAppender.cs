using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Lake;

/// <summary>
/// Appends rows to one table through DuckDB's C appender (DuckDB.NET.Bindings), writing each value straight into
/// the vectors of a data chunk: numbers, dates and short strings as bytes, longer strings with one call each.
/// DuckDB.NET's row appender makes an object a row and a native call a string; on the ingest bench that was
/// 40% of the read workers' time. Used by one thread at a time; the column types are the caller's to match.
/// </summary>
internal sealed unsafe class ChunkAppender : IDisposable
{
    /// <summary>Rows a chunk holds: DuckDB's vector size.</summary>
    private const int Capacity = 2048;

    /// <summary>The longest string that a string_t holds inline (after its 4-byte length).</summary>
    private const int InlineLength = 12;

    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private readonly DuckDB.NET.Native.DuckDBAppender _appender;
    private readonly string _table;
    private readonly DuckDBLogicalType[] _types;
    private readonly DuckDBDataChunk _chunk;
    private readonly nint[] _vectors;
    private readonly nint[] _data;
    private readonly nint[] _validity;
    private int _rows;
    private bool _closed;

    public ChunkAppender(DuckDBConnection connection, string table)
    {
        _table = table;
        if (NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, null, table, out _appender) != DuckDBState.Success)
        {
            var message = Error();
            _appender.Dispose();
            throw new DuckDbException($"cannot append to {table}: {message}", DuckDbErrorType.Catalog, null);
        }

        var columns = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
        _types = new DuckDBLogicalType[columns];
        var handles = new nint[columns];
        for (var i = 0; i < columns; i++)
        {
            _types[i] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)i);
            handles[i] = _types[i].DangerousGetHandle();
        }

        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, (ulong)columns);
        _vectors = new nint[columns];
        _data = new nint[columns];
        _validity = new nint[columns];
        Attach();
    }

    /// <summary>The row being written, within the current chunk.</summary>
    private int Row => _rows;

    public void Null(int column)
    {
        var validity = (ulong*)_validity[column];
        if (validity is null)
        {
            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(_vectors[column]);
            validity = NativeMethods.Vectors.DuckDBVectorGetValidity(_vectors[column]);
            _validity[column] = (nint)validity;
        }

        validity[Row >> 6] &= ~(1UL << (Row & 63));
    }

    /// <summary>UTF-8 text (DuckDB checks it once more, and fails the append when it is not valid).</summary>
    public void Text(int column, ReadOnlySpan<byte> utf8) => WriteString(_vectors[column], (byte*)_data[column], (ulong)Row, utf8);

    public void Int64(int column, long value) => ((long*)_data[column])[Row] = value;

    /// <summary>A UTINYINT, or the value number of an ENUM of up to 255 values.</summary>
    public void UInt8(int column, byte value) => ((byte*)_data[column])[Row] = value;

    public void Int32(int column, int value) => ((int*)_data[column])[Row] = value;

    /// <summary>A TIMESTAMPTZ from UTC ticks.</summary>
    public void Timestamp(int column, long utcTicks) => ((long*)_data[column])[Row] = (utcTicks - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond;

    public void Date(int column, DateOnly value) => ((int*)_data[column])[Row] = value.DayNumber - UnixEpochDay;

    /// <summary>A DECIMAL(18,2) from its 64-bit integer of hundredths, which is how DuckDB holds it.</summary>
    public void Hundredths(int column, long hundredths) => ((long*)_data[column])[Row] = hundredths;

    /// <summary>A VARCHAR[] of valid text.</summary>
    public void TextList(int column, IReadOnlyList<string> values)
    {
        var vector = _vectors[column];
        var offset = (ulong)NativeMethods.Vectors.DuckDBListVectorGetSize(vector);
        var entry = (ulong*)_data[column] + (2 * Row);
        entry[0] = offset;
        entry[1] = (ulong)values.Count;
        if (values.Count == 0)
        {
            return;
        }

        if (NativeMethods.Vectors.DuckDBListVectorReserve(vector, offset + (ulong)values.Count) != DuckDBState.Success)
        {
            throw new DuckDbException($"cannot append a list of {values.Count} to {_table}", DuckDbErrorType.OutOfMemory, null);
        }

        var child = NativeMethods.Vectors.DuckDBListVectorGetChild(vector);
        var data = (byte*)NativeMethods.Vectors.DuckDBVectorGetData(child);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(256);
        try
        {
            for (var i = 0; i < values.Count; i++)
            {
                var text = values[i];
                var needed = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
                if (buffer.Length < needed)
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                    buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(needed);
                }

                var length = System.Text.Encoding.UTF8.GetBytes(text, buffer);
                WriteString(child, data, offset + (ulong)i, buffer.AsSpan(0, length));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        NativeMethods.Vectors.DuckDBListVectorSetSize(vector, offset + (ulong)values.Count);
    }

    /// <summary>Ends the row; a full chunk goes to DuckDB.</summary>
    public void EndRow()
    {
        if (++_rows == Capacity)
        {
            Flush();
        }
    }

    /// <summary>Hands the rows so far to DuckDB and closes the appender (its rows reach the table).</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        Flush();
        _closed = true;
        if (NativeMethods.Appender.DuckDBAppenderClose(_appender) != DuckDBState.Success)
        {
            throw new DuckDbException($"cannot append to {_table}: {Error()}", DuckDbErrorType.InvalidInput, null);
        }
    }

    /// <summary>Drops the rows not yet handed to DuckDB, and those DuckDB holds for the table but has not written.</summary>
    public void Clear()
    {
        _rows = 0;
        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        Attach();
        NativeMethods.Appender.DuckDBAppenderClear(_appender);
    }

    public void Dispose()
    {
        _chunk.Dispose();
        foreach (var type in _types)
        {
            type.Dispose();
        }

        _appender.Dispose();
    }

    private void Flush()
    {
        if (_rows == 0)
        {
            return;
        }

        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)_rows);
        if (NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk) != DuckDBState.Success)
        {
            throw new DuckDbException($"cannot append to {_table}: {Error()}", DuckDbErrorType.InvalidInput, null);
        }

        _rows = 0;
        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        Attach();
    }

    /// <summary>The vectors' buffers, which a reset of the chunk may replace.</summary>
    private void Attach()
    {
        for (var i = 0; i < _vectors.Length; i++)
        {
            _vectors[i] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, i);
            _data[i] = (nint)NativeMethods.Vectors.DuckDBVectorGetData(_vectors[i]);
            _validity[i] = 0;
        }
    }

    private static void WriteString(nint vector, byte* data, ulong index, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= InlineLength)
        {
            // string_t: the length, then the bytes inline; the rest must be zero, as DuckDB compares inlined strings as raw bytes.
            var target = data + (16 * (long)index);
            *(uint*)target = (uint)utf8.Length;
            var inline = new Span<byte>(target + 4, InlineLength);
            inline.Clear();
            utf8.CopyTo(inline);
            return;
        }

        fixed (byte* bytes = utf8)
        {
            NativeMethods.Vectors.DuckDBVectorAssignStringElementLength(vector, index, bytes, utf8.Length);
        }
    }

    private string Error()
    {
        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(_appender);
        return error.IsInvalid ? "unknown error" : NativeMethods.ErrorData.DuckDBErrorDataMessage(error);
    }
}
