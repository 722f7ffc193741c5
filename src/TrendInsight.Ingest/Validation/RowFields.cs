using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// The contract fields of one landing row as UTF-8, kind by kind (<see cref="LandingField"/> ids). A JSON
/// object line is read in one pass with <see cref="Utf8JsonReader"/>: values point into the line, and
/// only strings with escapes are unescaped (into a scratch buffer, NUL removed). A CSV record's cells are
/// encoded to UTF-8 by the header's column names; an empty cell is null. Reused row after row by one
/// thread: a row's values are valid until the next load.
/// </summary>
internal sealed class RowFields
{
    private static readonly JsonReaderOptions JsonOptions = new() { MaxDepth = 16 };
    private readonly Slot[] _slots = new Slot[LandingField.Total];
    private byte[] _scratch = new byte[1024];
    private int _scratchUsed;
    private ReadOnlyMemory<byte> _record;

    /// <summary>The first contract field the JSON object named twice; -1 when none did (the row is then quarantined, never last-wins).</summary>
    public int DuplicateField { get; private set; } = -1;

    /// <summary>The field's kind; <see cref="FieldKind.Missing"/> when the row does not carry it.</summary>
    public FieldKind Kind(int field) => _slots[field].Kind;

    /// <summary>
    /// The field's text: a string's value unescaped, a number or boolean as written, an array or object as its
    /// JSON text; empty when missing or null.
    /// </summary>
    public ReadOnlySpan<byte> Utf8(int field)
    {
        var slot = _slots[field];
        if (slot.Kind is FieldKind.Missing or FieldKind.Null)
        {
            return default;
        }

        return slot.InScratch ? _scratch.AsSpan(slot.Start, slot.Length) : _record.Span.Slice(slot.Start, slot.Length);
    }

    /// <summary>Absent, null or a blank string.</summary>
    public bool IsEmpty(int field)
    {
        var kind = _slots[field].Kind;
        return kind is FieldKind.Missing or FieldKind.Null || (kind == FieldKind.String && Utf8Text.IsBlank(Utf8(field)));
    }

    /// <summary>Reads one JSON line; false when it is not one well-formed JSON object.</summary>
    public bool LoadJson(ReadOnlyMemory<byte> line)
    {
        Reset(line);
        var reader = new Utf8JsonReader(line.Span, isFinalBlock: true, new JsonReaderState(JsonOptions));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var hint = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = FieldOf(ref reader, ref hint);
                reader.Read();
                if (field < 0)
                {
                    reader.Skip();
                    continue;
                }

                ref var slot = ref _slots[field];
                if (slot.Kind != FieldKind.Missing && DuplicateField < 0)
                {
                    DuplicateField = field;
                }

                slot = default;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        slot.Kind = FieldKind.String;
                        if (reader.ValueIsEscaped)
                        {
                            var target = ScratchSpan(reader.ValueSpan.Length);
                            var written = Utf8Text.RemoveNul(target[..reader.CopyString(target)]);
                            (slot.InScratch, slot.Start, slot.Length) = (true, _scratchUsed, written);
                            _scratchUsed += written;
                        }
                        else
                        {
                            (slot.Start, slot.Length) = ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                        }

                        break;
                    case JsonTokenType.Number:
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                        slot.Kind = reader.TokenType == JsonTokenType.Number ? FieldKind.Number : FieldKind.Bool;
                        (slot.Start, slot.Length) = ((int)reader.TokenStartIndex, reader.ValueSpan.Length);
                        break;
                    case JsonTokenType.StartArray:
                    case JsonTokenType.StartObject:
                        slot.Kind = reader.TokenType == JsonTokenType.StartArray ? FieldKind.Array : FieldKind.Object;
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        (slot.Start, slot.Length) = (start, (int)reader.BytesConsumed - start);
                        break;
                    default:
                        slot.Kind = FieldKind.Null;
                        break;
                }
            }

            // The object must be closed and nothing but white space may follow it.
            return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // An escape that is not text, such as a lone surrogate ("\ud800"): the string cannot be unescaped.
            return false;
        }
    }

    /// <summary>Loads a CSV record's cells by the header's (lower-case) column names.</summary>
    public void LoadCsv(IReadOnlyDictionary<string, int> header, List<string> cells)
    {
        Reset(default);
        for (var field = 0; field < _slots.Length; field++)
        {
            if (!header.TryGetValue(LandingField.Names[field], out var index) || index >= cells.Count)
            {
                continue;
            }

            ref var slot = ref _slots[field];
            var text = cells[index];
            if (text.Length == 0)
            {
                slot.Kind = FieldKind.Null;
                continue;
            }

            var target = ScratchSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
            var written = Utf8Text.RemoveNul(target[..Encoding.UTF8.GetBytes(text, target)]);
            slot = new Slot { Kind = FieldKind.String, InScratch = true, Start = _scratchUsed, Length = written };
            _scratchUsed += written;
        }
    }

    private void Reset(ReadOnlyMemory<byte> record)
    {
        Array.Clear(_slots);
        DuplicateField = -1;
        _scratchUsed = 0;
        _record = record;
    }

    /// <summary>Room for <paramref name="length"/> bytes at the end of the scratch buffer (earlier values stay where they are).</summary>
    private Span<byte> ScratchSpan(int length)
    {
        if (_scratch.Length - _scratchUsed < length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + length));
        }

        return _scratch.AsSpan(_scratchUsed, length);
    }

    /// <summary>
    /// The contract field a property names, or -1. Rows of a feed list their fields in the same order, so the
    /// field after the last one found is tried first.
    /// </summary>
    /// <remarks>Called for every property of every row: the name buffer is used only for escaped names, so it is not zeroed first.</remarks>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static int FieldOf(ref Utf8JsonReader reader, ref int hint)
    {
        scoped Span<byte> unescaped = stackalloc byte[64];
        scoped ReadOnlySpan<byte> name;
        if (!reader.ValueIsEscaped)
        {
            name = reader.ValueSpan;
        }
        else if (reader.ValueSpan.Length <= unescaped.Length)
        {
            name = unescaped[..reader.CopyString(unescaped)];
        }
        else
        {
            return -1;
        }

        var names = LandingField.Utf8Names;
        var field = hint < names.Length ? hint : 0;
        for (var n = 0; n < names.Length; n++, field = field + 1 == names.Length ? 0 : field + 1)
        {
            if (name.SequenceEqual(names[field]))
            {
                hint = field + 1;
                return field;
            }
        }

        return -1;
    }

    private struct Slot
    {
        public FieldKind Kind;
        public bool InScratch;
        public int Start;
        public int Length;
    }
}
