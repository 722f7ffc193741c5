using System.Buffers;
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
/// items, a missing value as null. Buffers are rented for one row group and returned at the next.
/// </summary>
internal abstract class ParquetColumn : IDisposable
{
    private protected ParquetColumn(string name, DataField field)
    {
        Name = name;
        Field = field;
    }

    /// <summary>The contract field name the column is read as (lower case).</summary>
    public string Name { get; }

    public DataField Field { get; }

    /// <summary>A reader for <paramref name="field"/>, or null when its type cannot be a contract value.</summary>
    public static ParquetColumn? Create(string name, DataField field)
    {
        var utc = field is not DateTimeDataField { DateTimeFormat: DateTimeFormat.Timestamp, IsAdjustedToUTC: false };
        var dateOnly = field is DateTimeDataField { DateTimeFormat: DateTimeFormat.Date };
        var type = field.ClrType;
        return type switch
        {
            _ when type == typeof(string) || type == typeof(ReadOnlyMemory<char>) => new Typed<ReadOnlyMemory<char>>(name, field, static (w, v) => w.WriteStringValue(v.Span)),
            _ when type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) => new Typed<ReadOnlyMemory<byte>>(name, field, static (w, v) => w.WriteStringValue(Encoding.UTF8.GetString(v.Span))),
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
            _ when type == typeof(DateOnly) => new Typed<DateOnly>(name, field,
                static (w, v) => w.WriteStringValue(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            _ when type == typeof(DateTime) && dateOnly => new Typed<DateTime>(name, field,
                static (w, v) => w.WriteStringValue(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            _ when type == typeof(DateTime) && utc => new Typed<DateTime>(name, field,
                static (w, v) => w.WriteStringValue(v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture))),
            _ when type == typeof(DateTime) => new Typed<DateTime>(name, field,
                static (w, v) => w.WriteStringValue(v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture))),
            _ when type == typeof(Guid) => new Typed<Guid>(name, field, static (w, v) => w.WriteStringValue(v.ToString("D", CultureInfo.InvariantCulture))),
            _ => null,
        };
    }

    /// <summary>Reads the column's values in <paramref name="rowGroup"/>; the previous row group's are released.</summary>
    public abstract ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken);

    /// <summary>Writes the next row's value (the rows of the loaded row group are handed out in order).</summary>
    public abstract void WriteNext(Utf8JsonWriter writer);

    public abstract void Dispose();

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
        private T[] _values = [];
        private int[] _definitions = [];
        private int[] _repetitions = [];
        private int _entries;
        private int _entry;
        private int _value;

        public override async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
        {
            Release();
            var meta = rowGroup.GetMetadata(Field)?.MetaData
                ?? throw new InvalidDataException($"column {Field.Path}: no column chunk in a row group");
            if (meta.NumValues < 0 || meta.NumValues > Array.MaxLength)
            {
                throw new InvalidDataException($"column {Field.Path}: {meta.NumValues} values in one row group");
            }

            _entries = (int)meta.NumValues;
            _values = ArrayPool<T>.Shared.Rent(Math.Max(1, _entries));
            _definitions = Field.MaxDefinitionLevel > 0 ? ArrayPool<int>.Shared.Rent(Math.Max(1, _entries)) : [];
            _repetitions = Field.MaxRepetitionLevel > 0 ? ArrayPool<int>.Shared.Rent(Math.Max(1, _entries)) : [];
            var length = Math.Max(1, _entries);
            Memory<int>? definitions = Field.MaxDefinitionLevel > 0 ? _definitions.AsMemory(0, length) : (Memory<int>?)null;
            Memory<int>? repetitions = Field.MaxRepetitionLevel > 0 ? _repetitions.AsMemory(0, length) : (Memory<int>?)null;
            await rowGroup.ReadRawAsync<T>(Field, _values.AsMemory(0, length), definitions, repetitions, cancellationToken).ConfigureAwait(false);
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

            // A list: its entries run until the next one that starts a row (repetition level 0). Entries below the
            // full definition level are a null or empty list or a null item; none of them carries a value.
            writer.WriteStartArray();
            do
            {
                if (_definitions.Length == 0 || _definitions[_entry] == maxDefinition)
                {
                    write(writer, _values[_value++]);
                }

                _entry++;
            }
            while (_entry < _entries && _repetitions[_entry] > 0);

            writer.WriteEndArray();
        }

        public override void Dispose() => Release();

        private void Release()
        {
            // Strings point into buffers of the row group just read: clear them so that it can be collected.
            if (_values.Length > 0)
            {
                ArrayPool<T>.Shared.Return(_values, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            }

            if (_definitions.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_definitions);
            }

            if (_repetitions.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_repetitions);
            }

            (_values, _definitions, _repetitions) = ([], [], []);
            (_entries, _entry, _value) = (0, 0, 0);
        }
    }
}
