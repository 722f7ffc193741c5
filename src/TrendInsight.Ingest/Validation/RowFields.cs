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

    /// <summary>What ends a string for <see cref="TryLoadFlat"/>: its closing quote, or an escape or control character it leaves to the JSON reader.</summary>
    private static readonly SearchValues<byte> StringEnds = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);
    private readonly Slot[] _slots = new Slot[LandingField.Total];

    // The contract field of each of the last flat row's first properties (-1: none): the next row names the same, mostly.
    private readonly int[] _order = [.. Enumerable.Repeat(-1, 32)];
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
    /// <remarks>
    /// Almost every delivered line is a flat object of plain strings, numbers, booleans and nulls: such a line is
    /// read by a scanner of that subset alone (<see cref="TryLoadFlat"/>); any other line, and any line that scanner
    /// is not sure of, is read again with <see cref="Utf8JsonReader"/> (<see cref="LoadJsonWithReader"/>).
    /// Both give the same fields for every line.
    /// </remarks>
    public bool LoadJson(ReadOnlyMemory<byte> line) => TryLoadFlat(line) || LoadJsonWithReader(line);

    /// <summary>
    /// Loads a line that is one JSON object whose values are strings without escapes or control characters,
    /// integers or plain decimals (no exponent), <c>true</c>, <c>false</c> or <c>null</c>, with JSON white space
    /// anywhere between tokens. False, with the fields in no defined state, for anything else, well-formed or not.
    /// </summary>
    internal bool TryLoadFlat(ReadOnlyMemory<byte> record)
    {
        Reset(record);
        var line = record.Span;
        var i = SkipWhiteSpace(line, 0);
        if (i >= line.Length || line[i] != '{')
        {
            return false;
        }

        i = SkipWhiteSpace(line, i + 1);
        if (i < line.Length && line[i] == '}')
        {
            return SkipWhiteSpace(line, i + 1) == line.Length;
        }

        var hint = 0;
        var property = 0;
        while (i < line.Length && line[i] == '"')
        {
            var nameStart = i + 1;
            int field, nameLength;
            var guess = property < _order.Length ? _order[property] : -1;
            var expected = guess >= 0 ? LandingField.Utf8Names[guess] : null;
            if (expected is not null && line[nameStart..].StartsWith(expected) && nameStart + expected.Length < line.Length
                && line[nameStart + expected.Length] == '"')
            {
                // The field the last row named here, as rows of a feed list their fields in the same order (a contract
                // field's name has no quote, escape or control character: this is the whole name).
                (field, nameLength) = (guess, expected.Length);
            }
            else
            {
                nameLength = line[nameStart..].IndexOfAny(StringEnds);
                if (nameLength < 0 || line[nameStart + nameLength] != '"')
                {
                    return false;
                }

                field = FieldOf(line.Slice(nameStart, nameLength), ref hint);
                if (property < _order.Length)
                {
                    _order[property] = field;
                }
            }

            property++;
            i = SkipWhiteSpace(line, nameStart + nameLength + 1);
            if (i >= line.Length || line[i] != ':')
            {
                return false;
            }

            i = SkipWhiteSpace(line, i + 1);
            if (i >= line.Length)
            {
                return false;
            }

            Slot value = default;
            switch (line[i])
            {
                case (byte)'"':
                    var start = i + 1;
                    var length = line[start..].IndexOfAny(StringEnds);
                    if (length < 0 || line[start + length] != '"')
                    {
                        return false;
                    }

                    (value.Kind, value.Start, value.Length) = (FieldKind.String, start, length);
                    i = start + length + 1;
                    break;
                case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                    var digits = PlainNumberLength(line[i..]);
                    if (digits == 0)
                    {
                        return false;
                    }

                    (value.Kind, value.Start, value.Length) = (FieldKind.Number, i, digits);
                    i += digits;
                    break;
                case (byte)'t' when line[i..].StartsWith("true"u8):
                    (value.Kind, value.Start, value.Length) = (FieldKind.Bool, i, 4);
                    i += 4;
                    break;
                case (byte)'f' when line[i..].StartsWith("false"u8):
                    (value.Kind, value.Start, value.Length) = (FieldKind.Bool, i, 5);
                    i += 5;
                    break;
                case (byte)'n' when line[i..].StartsWith("null"u8):
                    value.Kind = FieldKind.Null;
                    i += 4;
                    break;
                default:
                    return false;
            }

            if (field >= 0)
            {
                ref var slot = ref _slots[field];
                if (slot.Kind != FieldKind.Missing && DuplicateField < 0)
                {
                    DuplicateField = field;
                }

                slot = value;
            }

            // A value runs into the next token only when white space, a comma or the closing brace follows it
            // ("truex", "1x", "01" are not read here).
            i = SkipWhiteSpace(line, i);
            if (i >= line.Length)
            {
                return false;
            }

            if (line[i] == '}')
            {
                return SkipWhiteSpace(line, i + 1) == line.Length;
            }

            if (line[i] != ',')
            {
                return false;
            }

            i = SkipWhiteSpace(line, i + 1);
        }

        return false;
    }

    /// <summary>Reads one JSON line with <see cref="Utf8JsonReader"/>; false when it is not one well-formed JSON object.</summary>
    internal bool LoadJsonWithReader(ReadOnlyMemory<byte> line)
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

    /// <summary>The contract field a property the reader is on names, or -1 (see <see cref="FieldOf(ReadOnlySpan{byte}, ref int)"/>).</summary>
    /// <remarks>Called for every property of every row: the name buffer is used only for escaped names, so it is not zeroed first.</remarks>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static int FieldOf(ref Utf8JsonReader reader, ref int hint)
    {
        scoped Span<byte> unescaped = stackalloc byte[64];
        if (!reader.ValueIsEscaped)
        {
            return FieldOf(reader.ValueSpan, ref hint);
        }

        return reader.ValueSpan.Length <= unescaped.Length ? FieldOf(unescaped[..reader.CopyString(unescaped)], ref hint) : -1;
    }

    /// <summary>
    /// The contract field <paramref name="name"/> (unescaped) names, or -1. Rows of a feed list their fields in the
    /// same order, so the field after the last one found is tried first.
    /// </summary>
    private static int FieldOf(ReadOnlySpan<byte> name, ref int hint)
    {
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

    /// <summary>JSON's white space: space, tab, line feed, carriage return.</summary>
    private static int SkipWhiteSpace(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// The length of the JSON number at the start of <paramref name="text"/> when it is an integer or a plain decimal
    /// (<c>-?(0|[1-9][0-9]*)(\.[0-9]+)?</c>); 0 when it is not one, or has an exponent.
    /// </summary>
    private static int PlainNumberLength(ReadOnlySpan<byte> text)
    {
        var i = text[0] == '-' ? 1 : 0;
        if (i >= text.Length || !char.IsAsciiDigit((char)text[i]))
        {
            return 0;
        }

        i = text[i] == '0' ? i + 1 : SkipDigits(text, i);
        if (i < text.Length && text[i] == '.')
        {
            var fraction = i + 1;
            i = SkipDigits(text, fraction);
            if (i == fraction)
            {
                return 0;
            }
        }

        return i < text.Length && text[i] is (byte)'e' or (byte)'E' ? 0 : i;
    }

    private static int SkipDigits(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
        {
            i++;
        }

        return i;
    }

    private struct Slot
    {
        public FieldKind Kind;
        public bool InScratch;
        public int Start;
        public int Length;
    }
}
