using System.Buffers;
using System.Text;

namespace TrendInsight.Ingest.Lake;

/// <summary>
/// The lake values of a batch of validated rows, one cell a column, held without an object a value: text
/// as UTF-8 in one buffer, numbers and instants inline. Filled by <see cref="Validation.RowValidator"/>
/// on a worker thread and appended to the staging table in file order; reused batch after batch.
/// </summary>
internal sealed class StagedRows
{
    private readonly int _columns;
    private readonly ArrayBufferWriter<byte> _text = new(1 << 16);
    private readonly Cell[] _cells;

    // Lists (content tags) are kept apart so that a cell holds no reference: cells are then copied without
    // the garbage collector's write barrier, and rows of events never touch this array.
    private readonly string[]?[] _lists;

    // Segment values outside the contract, per row: counted once the row is accepted.
    private readonly List<(string Field, string Value)>?[] _unknown;

    public StagedRows(int columns, int rows)
    {
        _columns = columns;
        _cells = new Cell[columns * rows];
        _lists = new string[]?[columns * rows];
        _unknown = new List<(string, string)>?[rows];
    }

    private bool _listsUsed;
    private bool _unknownUsed;

    /// <summary>Notes that row <paramref name="row"/> had <paramref name="value"/> in segment field <paramref name="field"/>, outside the contract.</summary>
    public void UnknownSegment(int row, string field, string value)
    {
        (_unknown[row] ??= []).Add((field, value));
        _unknownUsed = true;
    }

    /// <summary>The segment values outside the contract of row <paramref name="row"/>, or null.</summary>
    public IReadOnlyList<(string Field, string Value)>? UnknownSegmentsOf(int row) => _unknown[row];

    /// <summary>The cells of a row: the lake columns but <c>source_file</c>.</summary>
    public int Columns => _columns;

    /// <summary>Forgets all text and lists; cells are cleared row by row (<see cref="ClearRow"/>).</summary>
    public void Clear()
    {
        _text.ResetWrittenCount();
        if (_listsUsed)
        {
            Array.Clear(_lists);
            _listsUsed = false;
        }

        if (_unknownUsed)
        {
            Array.Clear(_unknown);
            _unknownUsed = false;
        }
    }

    /// <summary>Sets every cell of the row to null.</summary>
    public void ClearRow(int row)
    {
        Array.Clear(_cells, row * _columns, _columns);
        _unknown[row]?.Clear();
    }

    public void Text(int row, int column, ReadOnlySpan<byte> utf8)
    {
        _cells[(row * _columns) + column] = new Cell { Kind = CellKind.Text, Offset = _text.WrittenCount, Length = utf8.Length };
        _text.Write(utf8);
    }

    public void Text(int row, int column, string text)
    {
        var span = _text.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var length = Encoding.UTF8.GetBytes(text, span);
        _cells[(row * _columns) + column] = new Cell { Kind = CellKind.Text, Offset = _text.WrittenCount, Length = length };
        _text.Advance(length);
    }

    /// <summary>Value number <paramref name="code"/> of an ENUM column (<see cref="FeedSchema.Codes"/>).</summary>
    public void Code(int row, int column, byte code) => _cells[(row * _columns) + column] = new Cell { Kind = CellKind.Code, Number = code };

    public void Int64(int row, int column, long value) => _cells[(row * _columns) + column] = new Cell { Kind = CellKind.Int64, Number = value };

    public void Timestamp(int row, int column, DateTimeOffset value) =>
        _cells[(row * _columns) + column] = new Cell { Kind = CellKind.Timestamp, Number = value.UtcTicks };

    /// <summary>A DECIMAL(18,2), held as its 64-bit integer of hundredths (cut as DuckDB.NET's appender cuts it).</summary>
    public void Decimal(int row, int column, decimal value) =>
        _cells[(row * _columns) + column] = new Cell { Kind = CellKind.Decimal, Number = (long)decimal.Multiply(value, 100m) };

    public void List(int row, int column, string[] values)
    {
        _cells[(row * _columns) + column] = new Cell { Kind = CellKind.List };
        _lists[(row * _columns) + column] = values;
        _listsUsed = true;
    }

    /// <summary>Writes the row's cells to columns 0 … n-1 of the appender's current row.</summary>
    public void AppendTo(ChunkAppender appender, int row)
    {
        var text = _text.WrittenSpan;
        var first = row * _columns;
        for (var column = 0; column < _columns; column++)
        {
            ref readonly var cell = ref _cells[first + column];
            switch (cell.Kind)
            {
                case CellKind.Null:
                    appender.Null(column);
                    break;
                case CellKind.Text:
                    // Slices of lines checked to be UTF-8 whole, or text .NET encoded.
                    appender.Text(column, text.Slice(cell.Offset, cell.Length));
                    break;
                case CellKind.Int64:
                    appender.Int64(column, cell.Number);
                    break;
                case CellKind.Code:
                    appender.UInt8(column, (byte)cell.Number);
                    break;
                case CellKind.Timestamp:
                    appender.Timestamp(column, cell.Number);
                    break;
                case CellKind.Decimal:
                    appender.Hundredths(column, cell.Number);
                    break;
                case CellKind.List:
                    appender.TextList(column, _lists[first + column]!);
                    break;
            }
        }
    }

    private enum CellKind : byte
    {
        Null,
        Text,
        Int64,
        Timestamp,
        Decimal,
        List,
        Code,
    }

    private struct Cell
    {
        public CellKind Kind;
        public int Offset;
        public int Length;
        public long Number;
    }
}
