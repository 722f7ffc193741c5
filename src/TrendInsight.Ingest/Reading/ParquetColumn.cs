using System.Globalization;
using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// One contract column of a Parquet landing file, read a row group at a time and handed out row by row as a JSON
/// value: strings as strings, whole and decimal numbers as numbers, booleans, timestamps as ISO-8601 (with
/// <c>Z</c> when the column is adjusted to UTC, without an offset when it is wall-clock time, which the contract
/// reads as Asia/Shanghai), dates as <c>yyyy-MM-dd</c>, a list (or repeated field) as an array of its non-null
/// items, a missing value as null. A row group's column is held as Parquet.Net decodes it (one value a slot, the
/// levels beside) and each row's value is written straight into that row's JSON when the row is handed out: no
/// copy of the row group as text is made, and the slots are kept for the next row group.
/// </summary>
internal abstract class ParquetColumn : IDisposable
{
    private const string Date = "yyyy-MM-dd";
    private const string UtcTime = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
    private const string WallTime = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    private protected ParquetColumn(string name, DataField field)
    {
        Name = name;
        Field = field;
    }

    /// <summary>The contract field name the column is read as (lower case).</summary>
    public string Name { get; }

    public DataField Field { get; }

    /// <summary>
    /// A reader for <paramref name="field"/>, or null when its type cannot be a contract value. Text columns (not lists)
    /// decode into <paramref name="text"/>, which the text columns of a file share.
    /// </summary>
    public static ParquetColumn? Create(string name, DataField field, ParquetTextBuffer text)
    {
        var utc = field is not DateTimeDataField { DateTimeFormat: DateTimeFormat.Timestamp, IsAdjustedToUTC: false };
        var dateOnly = field is DateTimeDataField { DateTimeFormat: DateTimeFormat.Date };
        var type = field.ClrType;
        return type switch
        {
            _ when (type == typeof(string) || type == typeof(ReadOnlyMemory<char>)) && field.MaxRepetitionLevel == 0 => new ParquetTextColumn(name, field, text),
            _ when type == typeof(string) || type == typeof(ReadOnlyMemory<char>) => new Typed<ReadOnlyMemory<char>>(name, field, static (w, v) => w.WriteStringValue(v.Span)),
            _ when type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) => new Typed<ReadOnlyMemory<byte>>(name, field, WriteUtf8),
            _ when type == typeof(bool) => new Typed<bool>(name, field, static (w, v) => w.WriteBooleanValue(v)),
            _ when type == typeof(sbyte) => new Typed<sbyte>(name, field, static (w, v) => w.WriteNumberValue(v)),
            _ when type == typeof(byte) => new Typed<byte>(name, field, static (w, v) => w.WriteNumberValue(v)),
            _ when type == typeof(short) => new Typed<short>(name, field, static (w, v) => w.WriteNumberValue(v)),
            _ when type == typeof(ushort) => new Typed<ushort>(name, field, static (w, v) => w.WriteNumberValue(v)),
            _ when type == typeof(int) => new Typed<int>(name, field, static (w, v) => w.WriteNumberValue(v)),
            _ when type == typeof(uint) => new Typed<uint>(name, field, static (w, v) => w.WriteNumberValue(v)),
            _ when type == typeof(long) => new Typed<long>(name, field, static (w, v) => w.WriteNumberValue(v)),
            _ when type == typeof(ulong) => new Typed<ulong>(name, field, static (w, v) => w.WriteNumberValue(v)),
            _ when type == typeof(float) => new Typed<float>(name, field, static (w, v) => WriteDouble(w, v)),
            _ when type == typeof(double) => new Typed<double>(name, field, WriteDouble),
            _ when type == typeof(Half) => new Typed<Half>(name, field, static (w, v) => WriteDouble(w, (double)v)),
            _ when type == typeof(decimal) => new Typed<decimal>(name, field, static (w, v) => w.WriteNumberValue(v)),
            _ when type == typeof(DateOnly) => new Typed<DateOnly>(name, field, static (w, v) => WriteFormatted(w, v, Date)),
            _ when type == typeof(DateTime) && dateOnly => new Typed<DateTime>(name, field, static (w, v) => WriteFormatted(w, v, Date)),
            _ when type == typeof(DateTime) && utc => new Typed<DateTime>(name, field, static (w, v) => WriteFormatted(w, v, UtcTime)),
            _ when type == typeof(DateTime) => new Typed<DateTime>(name, field, static (w, v) => WriteFormatted(w, v, WallTime)),
            _ when type == typeof(Guid) => new Typed<Guid>(name, field, static (w, v) => WriteFormatted(w, v, "D")),
            _ => null,
        };
    }

    /// <summary>
    /// The column's chunk in <paramref name="rowGroup"/> and how many values (with nulls and list entries) it holds; a
    /// chunk that is missing or too large for one array makes the file unreadable.
    /// </summary>
    private protected (Parquet.Meta.ColumnMetaData Meta, int Entries) Chunk(ParquetRowGroupReader rowGroup)
    {
        var meta = rowGroup.GetMetadata(Field)?.MetaData
            ?? throw new InvalidDataException($"column {Field.Path}: no column chunk in a row group");
        return meta.NumValues < 0 || meta.NumValues > Array.MaxLength || rowGroup.RowCount > Array.MaxLength
            ? throw new InvalidDataException($"column {Field.Path}: {meta.NumValues} values in one row group")
            : (meta, (int)meta.NumValues);
    }

    /// <summary>
    /// Reads the column's values in <paramref name="rowGroup"/> (after <see cref="Release"/>); <paramref name="decodeOnly"/>:
    /// only to see that they decode and count the rows, not to hand rows out.
    /// </summary>
    public abstract ValueTask LoadAsync(ParquetRowGroupReader rowGroup, bool decodeOnly, CancellationToken cancellationToken);

    /// <summary>The rows the loaded values make up (a list's entries run until the next one that starts a row).</summary>
    public abstract long Rows { get; }

    /// <summary>Lets go of the values of the row group read last.</summary>
    public abstract void Release();

    /// <summary>Writes the next row's value (the rows of the loaded row group are handed out in order).</summary>
    public abstract void WriteNext(Utf8JsonWriter writer);

    public abstract void Dispose();

    /// <summary>A value formatted as UTF-8 without a string between.</summary>
    private static void WriteFormatted<TValue>(Utf8JsonWriter writer, TValue value, string format)
        where TValue : IUtf8SpanFormattable
    {
        Span<byte> text = stackalloc byte[64];
        if (!value.TryFormat(text, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"cannot format {typeof(TValue).Name} as {format}");
        }

        writer.WriteStringValue(text[..written]);
    }

    /// <summary>Unannotated binary as text: valid UTF-8 as it is; anything else decoded with replacement characters, as a string column's would be.</summary>
    private static void WriteUtf8(Utf8JsonWriter writer, ReadOnlyMemory<byte> value)
    {
        if (System.Text.Unicode.Utf8.IsValid(value.Span))
        {
            writer.WriteStringValue(value.Span);
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(value.Span));
        }
    }

    /// <summary>NaN and infinities are not JSON numbers: they are written as text, which the validator rejects as a bad number.</summary>
    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private sealed class Typed<T>(string name, DataField field, Action<Utf8JsonWriter, T> write) : ParquetColumn(name, field)
        where T : struct
    {
        private static readonly bool HoldsReferences = System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>();
        private T[] _values = [];
        private int[] _definitions = [];
        private int[] _repetitions = [];
        private int _entries;
        private long _rows;
        private int _entry;
        private int _value;

        public override long Rows => _rows;

        public override async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, bool decodeOnly, CancellationToken cancellationToken)
        {
            var (_, entries) = Chunk(rowGroup);
            var length = Math.Max(1, entries);

            // The buffers are kept from one row group to the next (row groups of a file are of much the same size).
            if (_values.Length < length)
            {
                _values = new T[length];
            }

            if (Field.MaxDefinitionLevel > 0 && _definitions.Length < length)
            {
                _definitions = new int[length];
            }

            if (Field.MaxRepetitionLevel > 0 && _repetitions.Length < length)
            {
                _repetitions = new int[length];
            }

            await rowGroup.ReadRawAsync<T>(Field, _values.AsMemory(0, length),
                Field.MaxDefinitionLevel > 0 ? _definitions.AsMemory(0, length) : (Memory<int>?)null,
                Field.MaxRepetitionLevel > 0 ? _repetitions.AsMemory(0, length) : (Memory<int>?)null, cancellationToken).ConfigureAwait(false);
            (_entries, _entry, _value) = (entries, 0, 0);
            _rows = entries;
            if (Field.MaxRepetitionLevel > 0)
            {
                _rows = 0;
                for (var i = 0; i < entries; i++)
                {
                    if (_repetitions[i] == 0)
                    {
                        _rows++;
                    }
                }
            }
        }

        public override void WriteNext(Utf8JsonWriter writer)
        {
            if (_entry >= _entries)
            {
                throw new InvalidDataException($"column {Field.Path}: fewer values than rows in a row group");
            }

            var maxDefinition = Field.MaxDefinitionLevel;
            if (Field.MaxRepetitionLevel == 0)
            {
                if (maxDefinition == 0 || _definitions[_entry] == maxDefinition)
                {
                    write(writer, _values[_value++]);
                }
                else
                {
                    writer.WriteNullValue();
                }

                _entry++;
                return;
            }

            // A list: its entries run until the next one that starts a row (repetition level 0). Entries below the full
            // definition level are a null or empty list or a null item; none of them carries a value.
            writer.WriteStartArray();
            do
            {
                if (maxDefinition == 0 || _definitions[_entry] == maxDefinition)
                {
                    write(writer, _values[_value++]);
                }

                _entry++;
            }
            while (_entry < _entries && _repetitions[_entry] > 0);

            writer.WriteEndArray();
        }

        public override void Release()
        {
            // Strings point into arrays Parquet.Net allocated for this row group: clear them so that they can be collected.
            if (HoldsReferences)
            {
                Array.Clear(_values, 0, Math.Min(_values.Length, _entries));
            }

            (_entries, _rows, _entry, _value) = (0, 0, 0, 0);
        }

        public override void Dispose()
        {
            (_values, _definitions, _repetitions) = ([], [], []);
            (_entries, _rows, _entry, _value) = (0, 0, 0, 0);
        }
    }
}
