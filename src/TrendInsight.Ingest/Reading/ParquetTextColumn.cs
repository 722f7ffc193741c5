using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// A text column (not a list) of a Parquet landing file. Parquet.Net decodes a row group's text column into one UTF-16
/// array a value, shared by the rows of one dictionary entry. As soon as it is read, the column becomes each distinct
/// value once as a JSON string (UTF-8) and one index a row, and Parquet.Net's arrays are let go: a row group's column
/// then takes 4 bytes a row beside its distinct values, and a value repeated through the row group (a category, an
/// id of a few thousand) is encoded once rather than a row.
/// </summary>
internal sealed class ParquetTextColumn(string name, DataField field, ParquetTextBuffer buffer) : ParquetColumn(name, field)
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly JsonWriterOptions ValueOptions = new() { Encoder = Encoder, SkipValidation = true };

    /// <summary>Stands for the array of every empty value (Parquet.Net gives an empty one none).</summary>
    private static readonly object Empty = new();

    private readonly Dictionary<object, int> _seen = new(ReferenceEqualityComparer.Instance);
    private ArrayBufferWriter<byte> _text = new(1 << 16);
    private int[] _ends = [];
    private int[] _index = [];
    private int _distinct;
    private int _rows;
    private int _row;

    public override long Rows => _rows;

    public override async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, bool decodeOnly, CancellationToken cancellationToken)
    {
        var (meta, entries) = Chunk(rowGroup);
        var length = Math.Max(1, entries);
        var values = buffer.Values(length);
        var maxDefinition = Field.MaxDefinitionLevel;
        var definitions = maxDefinition > 0 ? buffer.Definitions(length) : [];
        await rowGroup.ReadRawAsync<ReadOnlyMemory<char>>(Field, values.AsMemory(0, length),
            maxDefinition > 0 ? definitions.AsMemory(0, length) : (Memory<int>?)null, null, cancellationToken).ConfigureAwait(false);

        if (decodeOnly)
        {
            buffer.Clear(entries);
            (_rows, _row) = (entries, entries);
            return;
        }

        if (_index.Length < length)
        {
            _index = new int[length];
        }

        _text.ResetWrittenCount();
        _seen.Clear();
        _distinct = 0;

        // Only a dictionary-encoded chunk repeats arrays beyond neighbouring rows; a plain one (ids) is not looked up.
        var dictionary = meta.DictionaryPageOffset is not null
            || meta.Encodings.Exists(e => e is Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY);
        object? last = null;
        var lastIndex = -1;
        var value = 0;
        try
        {
            for (var entry = 0; entry < entries; entry++)
            {
                if (maxDefinition > 0 && definitions[entry] != maxDefinition)
                {
                    _index[entry] = -1;
                    continue;
                }

                var text = values[value++];
                var key = KeyOf(text);
                int index;
                if (key is not null && ReferenceEquals(key, last))
                {
                    index = lastIndex;
                }
                else if (key is null || !dictionary || !_seen.TryGetValue(key, out index))
                {
                    index = Append(text.Span);
                    if (key is not null && dictionary)
                    {
                        _seen[key] = index;
                    }
                }

                _index[entry] = index;
                (last, lastIndex) = (key, index);
            }
        }
        finally
        {
            buffer.Clear(value);
            _seen.Clear();
        }

        (_rows, _row) = (entries, 0);
    }

    public override void WriteNext(Utf8JsonWriter writer)
    {
        if (_row >= _rows)
        {
            throw new InvalidDataException($"column {Field.Path}: fewer values than rows in a row group");
        }

        var index = _index[_row++];
        if (index < 0)
        {
            writer.WriteNullValue();
            return;
        }

        var start = index == 0 ? 0 : _ends[index - 1];
        writer.WriteRawValue(_text.WrittenSpan[start.._ends[index]], skipInputValidation: true);
    }

    public override void Release() => (_rows, _row) = (0, 0);

    public override void Dispose()
    {
        _text = new ArrayBufferWriter<byte>(1);
        (_ends, _index, _rows, _row, _distinct) = ([], [], 0, 0, 0);
        buffer.Free();
    }

    /// <summary>The array a value is decoded into, when it is the whole of it (so that the same array is the same value); else null.</summary>
    private static object? KeyOf(ReadOnlyMemory<char> text)
    {
        if (text.IsEmpty)
        {
            return Empty;
        }

        return MemoryMarshal.TryGetArray(text, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : null;
    }

    /// <summary>Appends <paramref name="text"/> as a JSON string, escaped as the row's writer would; returns its index.</summary>
    private int Append(ReadOnlySpan<char> text)
    {
        var span = _text.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length) + 2);
        span[0] = (byte)'"';
        var written = System.Text.Encoding.UTF8.GetBytes(text, span[1..]);
        if (Encoder.FindFirstCharacterToEncodeUtf8(span.Slice(1, written)) < 0)
        {
            span[written + 1] = (byte)'"';
            _text.Advance(written + 2);
        }
        else
        {
            using var writer = new Utf8JsonWriter(_text, ValueOptions);
            writer.WriteStringValue(text);
        }

        if (_distinct == _ends.Length)
        {
            Array.Resize(ref _ends, Math.Max(1024, _ends.Length * 2));
        }

        _ends[_distinct] = _text.WrittenCount;
        return _distinct++;
    }
}
