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
/// items, a missing value as null. A row group's column is decoded, turned into compact JSON a row, and let go
/// before the next column is read.
/// </summary>
internal abstract class ParquetColumn : IDisposable
{
    private static readonly JsonWriterOptions ValueOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

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

    /// <summary>Reads the column's values in <paramref name="rowGroup"/> (after <see cref="Release"/>).</summary>
    public abstract ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken);

    /// <summary>Lets go of the values of the row group read last.</summary>
    public abstract void Release();

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
        private ArrayBufferWriter<byte> _json = new(1 << 16);
        private int[] _ends = [];
        private int _rows;
        private int _row;

        public override async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
        {
            var meta = rowGroup.GetMetadata(Field)?.MetaData
                ?? throw new InvalidDataException($"column {Field.Path}: no column chunk in a row group");
            if (meta.NumValues < 0 || meta.NumValues > Array.MaxLength || rowGroup.RowCount > Array.MaxLength)
            {
                throw new InvalidDataException($"column {Field.Path}: {meta.NumValues} values in one row group");
            }

            var entries = (int)meta.NumValues;
            var length = Math.Max(1, entries);
            var values = ArrayPool<T>.Shared.Rent(length);
            var definitions = Field.MaxDefinitionLevel > 0 ? ArrayPool<int>.Shared.Rent(length) : [];
            var repetitions = Field.MaxRepetitionLevel > 0 ? ArrayPool<int>.Shared.Rent(length) : [];
            try
            {
                await rowGroup.ReadRawAsync<T>(Field, values.AsMemory(0, length),
                    definitions.Length > 0 ? definitions.AsMemory(0, length) : (Memory<int>?)null,
                    repetitions.Length > 0 ? repetitions.AsMemory(0, length) : (Memory<int>?)null, cancellationToken).ConfigureAwait(false);
                Render(values, definitions, repetitions, entries, (int)rowGroup.RowCount);
            }
            finally
            {
                // Strings point into arrays Parquet.Net allocated for this row group: clear them so that they can be collected.
                ArrayPool<T>.Shared.Return(values, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                if (definitions.Length > 0)
                {
                    ArrayPool<int>.Shared.Return(definitions);
                }

                if (repetitions.Length > 0)
                {
                    ArrayPool<int>.Shared.Return(repetitions);
                }
            }
        }

        public override void WriteNext(Utf8JsonWriter writer)
        {
            if (_row >= _rows)
            {
                throw new InvalidDataException($"column {Field.Path}: fewer values than rows in a row group");
            }

            var start = _row == 0 ? 0 : _ends[_row - 1];
            writer.WriteRawValue(_json.WrittenSpan[start.._ends[_row]], skipInputValidation: true);
            _row++;
        }

        public override void Release()
        {
            _json.ResetWrittenCount();
            (_rows, _row) = (0, 0);
        }

        public override void Dispose()
        {
            _json = new ArrayBufferWriter<byte>(1);
            if (_ends.Length > 0)
            {
                ArrayPool<int>.Shared.Return(_ends);
                _ends = [];
            }
        }

        /// <summary>
        /// Turns the decoded column into one JSON value a row, as compact UTF-8, so that the decoded values (an array a
        /// string) are let go before the next column is read.
        /// </summary>
        private void Render(T[] values, int[] definitions, int[] repetitions, int entries, int rows)
        {
            if (_ends.Length < rows)
            {
                if (_ends.Length > 0)
                {
                    ArrayPool<int>.Shared.Return(_ends);
                }

                _ends = ArrayPool<int>.Shared.Rent(Math.Max(1, rows));
            }

            using var writer = new Utf8JsonWriter(_json, ValueOptions);
            var maxDefinition = Field.MaxDefinitionLevel;
            var list = Field.MaxRepetitionLevel > 0;
            int entry = 0, value = 0, row = 0;
            while (entry < entries && row < rows)
            {
                if (!list)
                {
                    if (maxDefinition == 0 || definitions[entry] == maxDefinition)
                    {
                        write(writer, values[value++]);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }

                    entry++;
                }
                else
                {
                    // A list: its entries run until the next one that starts a row (repetition level 0). Entries below
                    // the full definition level are a null or empty list or a null item; none of them carries a value.
                    writer.WriteStartArray();
                    do
                    {
                        if (maxDefinition == 0 || definitions[entry] == maxDefinition)
                        {
                            write(writer, values[value++]);
                        }

                        entry++;
                    }
                    while (entry < entries && repetitions[entry] > 0);

                    writer.WriteEndArray();
                }

                // Each row's value is a JSON text of its own: a reset writer puts no separator before it.
                writer.Flush();
                writer.Reset(_json);
                _ends[row++] = _json.WrittenCount;
            }

            _rows = row;
            _row = 0;
        }
    }
}
