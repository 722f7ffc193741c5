using System.Globalization;
using System.Text;
using System.Text.Json;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Contract;
using TrendInsight.Ingest.Lake;
using F = TrendInsight.Ingest.Validation.LandingField;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// Checks one landing row against its feed's <see cref="LandingContract"/> (docs/landing-contract.md) and turns it
/// into the feed's lake columns, with normalised text next to the original; each field is written to the column of
/// its name in <see cref="FeedSchema"/>. Returns the quarantine reason instead when the row breaks the contract.
/// Works on the row's UTF-8 values: only text that is normalised, or a spelling that is not the contract's own, is
/// decoded to a string.
/// </summary>
internal sealed class RowValidator
{
    private static readonly byte[][] Actions = Utf8([.. LandingContract.Actions.Select(a => a.Value)]);
    private static readonly Dictionary<string, byte> ActionCodes =
        LandingContract.Actions.Select((a, i) => (a.Value, i)).ToDictionary(a => a.Value, a => (byte)a.i, StringComparer.Ordinal);
    private static readonly System.Buffers.SearchValues<byte> ControlBytes =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)0x7F]);

    private static readonly char[] TagSeparators = ['#', ',', '，', ' ', '\u3000', ';', '；', '|', '\t'];

    private readonly Step[] _steps;
    private readonly Func<string, string> _normalize;
    private readonly SpellingMap _spellings;
    private readonly TimeZoneInfo _zone;
    private readonly int _maxText;
    private readonly int _maxId;
    private readonly DateTimeOffset _latest;
    private readonly DateTimeOffset _earliest;

    public RowValidator(FeedSchema schema, IngestConfig config, Func<string, string> normalize, DateTimeOffset now)
    {
        _steps = [.. schema.Contract.Fields.Select(f => new Step(
            f, F.IdOf(f.Name), schema.IndexOf(f.Name), f.NormalisedColumn is { } n ? schema.IndexOf(n) : -1,
            f.Type == FieldType.Segment ? Utf8([.. LandingContract.Segment(f.Name)!.Values.Select(v => v.Value)]) : null,
            f.Type == FieldType.Segment ? SegmentCodes(f.Name) : null))];
        _normalize = normalize;
        _spellings = new SpellingMap(config.Spellings, config.AgeBandCuts != "unknown");
        _zone = config.Zone;
        _maxText = config.MaxTextLength;
        _maxId = config.MaxIdBytes;
        _latest = now.AddHours(config.FutureToleranceHours);
        _earliest = new DateTimeOffset(config.EarliestYear, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    }

    /// <summary>
    /// Fills row <paramref name="r"/> of <paramref name="v"/> with the lake columns (all but <c>source_file</c>).
    /// Returns null when valid, else the reason. <paramref name="dt"/> is set whenever the timestamp parsed.
    /// Segment values outside the contract are noted on the row (<see cref="StagedRows.UnknownSegmentsOf"/>).
    /// </summary>
    public string? Validate(RowFields row, StagedRows v, int r, out DateOnly? dt)
    {
        dt = null;
        v.ClearRow(r);
        foreach (var step in _steps)
        {
            var f = step.Field;
            var reason = f.Type switch
            {
                FieldType.Id => f.Required ? RequiredId(row, step.Id, v, r, step.Column) : OptionalId(row, step.Id, v, r, step.Column),
                FieldType.Timestamp => Timestamp(row, step.Id, v, r, step.Column, out dt),
                FieldType.Text => NormalisedText(row, step.Id, v, r, step.Column, step.NormColumn),
                FieldType.Count => OptionalInt64(row, step.Id, f.Min, f.Default, v, r, step.Column),
                FieldType.Amount => OptionalDecimal(row, step.Id, v, r, step.Column),
                FieldType.Action => Action(row, step.Id, v, r, step.Column),
                FieldType.Tags => Tags(row, step.Id, v, r, step.Column, step.NormColumn),
                FieldType.Label => OptionalString(row, step.Id, v, r, step.Column),
                FieldType.Segment => Segment(row, step, v, r),
                _ => throw new InvalidOperationException(f.Type.ToString()),
            };
            if (reason is not null)
            {
                return reason;
            }
        }

        return null;
    }

    private string? Timestamp(RowFields row, int field, StagedRows v, int r, int column, out DateOnly? dt)
    {
        dt = null;
        if (row.IsEmpty(field))
        {
            return QuarantineReasons.MissingField(F.Names[field]);
        }

        var kind = row.Kind(field);
        if (kind is not (FieldKind.String or FieldKind.Number))
        {
            return QuarantineReasons.BadType(F.Names[field]);
        }

        if (!TimestampParser.TryParse(kind, row.Utf8(field), _zone, out var instant) || instant < _earliest)
        {
            return QuarantineReasons.BadTimestamp;
        }

        dt = BusinessCalendar.DateOf(instant);
        if (instant > _latest)
        {
            return QuarantineReasons.FutureTimestamp;
        }

        v.Timestamp(r, column, instant);
        return null;
    }

    private string? Tags(RowFields row, int field, StagedRows v, int r, int column, int normColumn)
    {
        var tags = TagsOf(row.Kind(field), row.Utf8(field), out var reason);
        if (reason is not null)
        {
            return reason;
        }

        v.List(r, column, tags);
        v.List(r, normColumn, tags.Select(t => _normalize(t).TrimStart('#').Trim()).Where(t => t.Length > 0).ToArray());
        return null;
    }

    /// <summary>The contract's action for the value (its own spelling in any ASCII case, or one of its spellings), else the reason.</summary>
    private string? Action(RowFields row, int field, StagedRows v, int r, int column)
    {
        if (row.IsEmpty(field))
        {
            return QuarantineReasons.MissingField(F.Names[field]);
        }

        if (row.Kind(field) != FieldKind.String)
        {
            return QuarantineReasons.BadType(F.Names[field]);
        }

        var text = Utf8Text.Trim(row.Utf8(field));
        var i = Utf8Text.IndexOfIgnoreCase(text, Actions);
        if (i >= 0)
        {
            v.Code(r, column, (byte)i);
            return null;
        }

        if (_spellings.Lookup(F.Names[field], Encoding.UTF8.GetString(text)) is { } action)
        {
            v.Code(r, column, ActionCodes[action]);
            return null;
        }

        return QuarantineReasons.UnknownAction;
    }

    /// <summary>
    /// One of the allowed values (trimmed, spaces inside dropped, any ASCII case) or a spelling of one, else
    /// <c>unknown</c>; a value that is not empty and still outside the contract is noted on the row.
    /// </summary>
    private string? Segment(RowFields row, Step step, StagedRows v, int r)
    {
        var field = step.Id;
        var kind = row.Kind(field);
        var allowed = step.Allowed!;

        // Staged as the value's number (FeedSchema.Codes): the contract's values in order, then unknown.
        var unknown = (byte)allowed.Length;
        if (kind is not (FieldKind.String or FieldKind.Number))
        {
            v.Code(r, step.Column, unknown);
            return null;
        }

        var text = Utf8Text.Trim(row.Utf8(field));
        var i = IndexOfCompact(text, allowed);
        if (i >= 0)
        {
            v.Code(r, step.Column, (byte)i);
            return null;
        }

        if (text.IsEmpty)
        {
            v.Code(r, step.Column, unknown);
            return null;
        }

        var delivered = Encoding.UTF8.GetString(text);
        if (_spellings.Lookup(step.Field.Name, delivered) is { } value)
        {
            v.Code(r, step.Column, step.Codes![value]);
            return null;
        }

        v.Code(r, step.Column, unknown);
        v.UnknownSegment(r, step.Field.Name, delivered);
        return null;
    }

    /// <summary>The index of <paramref name="text"/> (spaces inside dropped, any ASCII case) in <paramref name="allowed"/>, or -1.</summary>
    private static int IndexOfCompact(ReadOnlySpan<byte> text, byte[][] allowed)
    {
        Span<byte> compact = stackalloc byte[16];
        if (text.Contains((byte)' '))
        {
            // No allowed value is longer than the buffer, so a value that does not fit matches none.
            var n = 0;
            foreach (var b in text)
            {
                if (b == ' ')
                {
                    continue;
                }

                if (n == compact.Length)
                {
                    return -1;
                }

                compact[n++] = b;
            }

            return Utf8Text.IndexOfIgnoreCase(compact[..n], allowed);
        }

        return Utf8Text.IndexOfIgnoreCase(text, allowed);
    }

    /// <summary>An id: a non-blank string (trimmed) or a whole JSON number as written; at most <c>ingest.max_id_bytes</c>, no control characters.</summary>
    private string? RequiredId(RowFields row, int field, StagedRows v, int r, int column)
    {
        var kind = row.Kind(field);
        var text = row.Utf8(field);
        if (kind is FieldKind.String)
        {
            var id = Utf8Text.Trim(text);
            if (id.IsEmpty)
            {
                return QuarantineReasons.MissingField(F.Names[field]);
            }

            var reason = CheckId(field, id);
            if (reason is null)
            {
                v.Text(r, column, id);
            }

            return reason;
        }

        if (kind is FieldKind.Missing or FieldKind.Null)
        {
            return QuarantineReasons.MissingField(F.Names[field]);
        }

        if (kind is FieldKind.Number && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            v.Text(r, column, text);
            return null;
        }

        return QuarantineReasons.BadType(F.Names[field]);
    }

    /// <summary>An optional id (user, author, shop): as <see cref="OptionalString"/>, with the checks of <see cref="RequiredId"/>.</summary>
    private string? OptionalId(RowFields row, int field, StagedRows v, int r, int column)
    {
        if (row.Kind(field) == FieldKind.String)
        {
            var reason = CheckId(field, Utf8Text.Trim(row.Utf8(field)));
            if (reason is not null)
            {
                return reason;
            }
        }

        return OptionalString(row, field, v, r, column);
    }

    private string? CheckId(int field, ReadOnlySpan<byte> id)
    {
        if (id.Length > _maxId)
        {
            return QuarantineReasons.IdTooLong(F.Names[field]);
        }

        // Control characters (a line break, a tab, ESC) in an id break every tool downstream that shows or joins it.
        return id.ContainsAny(ControlBytes) ? QuarantineReasons.BadId(F.Names[field]) : null;
    }

    /// <summary>Required text into <paramref name="column"/>, its normalised form into <paramref name="normColumn"/>.</summary>
    private string? NormalisedText(RowFields row, int field, StagedRows v, int r, int column, int normColumn)
    {
        if (row.IsEmpty(field))
        {
            return QuarantineReasons.MissingField(F.Names[field]);
        }

        if (row.Kind(field) != FieldKind.String)
        {
            return QuarantineReasons.BadType(F.Names[field]);
        }

        var text = row.Utf8(field);
        if (text.Length > _maxText && Utf8Text.CodePoints(text) > _maxText)
        {
            return QuarantineReasons.TextTooLong;
        }

        // A normalised form equal to the original is left null: the lake writer takes the original then.
        v.Text(r, column, text);
        var original = Encoding.UTF8.GetString(text);
        var normalised = _normalize(original);
        if (!ReferenceEquals(normalised, original) && normalised != original)
        {
            v.Text(r, normColumn, normalised);
        }

        return null;
    }

    private static string? OptionalString(RowFields row, int field, StagedRows v, int r, int column)
    {
        switch (row.Kind(field))
        {
            case FieldKind.Missing or FieldKind.Null:
                return null;
            case FieldKind.String:
                var text = Utf8Text.Trim(row.Utf8(field));
                if (!text.IsEmpty)
                {
                    v.Text(r, column, text);
                }

                return null;
            case FieldKind.Number:
                v.Text(r, column, row.Utf8(field));
                return null;
            default:
                return QuarantineReasons.BadType(F.Names[field]);
        }
    }

    private static string? OptionalInt64(RowFields row, int field, long min, long? fallback, StagedRows v, int r, int column)
    {
        if (row.IsEmpty(field))
        {
            if (fallback is { } value)
            {
                v.Int64(r, column, value);
            }

            return null;
        }

        if (row.Kind(field) is not (FieldKind.String or FieldKind.Number))
        {
            return QuarantineReasons.BadType(F.Names[field]);
        }

        var text = DigitFolding.Fold(Utf8Text.Trim(row.Utf8(field)));
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            // 12.0 and 1e3 are whole numbers written another way; 1.5 is not.
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                if (d != decimal.Truncate(d) || d > long.MaxValue || d < long.MinValue)
                {
                    return QuarantineReasons.BadNumber(F.Names[field]);
                }

                n = (long)d;
            }
            else if (!CountText.TryParse(text, out n))
            {
                return QuarantineReasons.BadNumber(F.Names[field]);
            }
        }

        if (n < min)
        {
            return QuarantineReasons.BadNumber(F.Names[field]);
        }

        v.Int64(r, column, n);
        return null;
    }

    /// <summary>A non-negative amount; <c>¥</c>/<c>￥</c> before it and thousands separators are accepted. Rounded to cents.</summary>
    private static string? OptionalDecimal(RowFields row, int field, StagedRows v, int r, int column)
    {
        if (row.IsEmpty(field))
        {
            return null;
        }

        if (row.Kind(field) is not (FieldKind.String or FieldKind.Number))
        {
            return QuarantineReasons.BadType(F.Names[field]);
        }

        var text = DigitFolding.Fold(Utf8Text.Trim(row.Utf8(field)));
        while (true)
        {
            if (text.StartsWith("¥"u8))
            {
                text = text["¥"u8.Length..];
            }
            else if (text.StartsWith("￥"u8))
            {
                text = text["￥"u8.Length..];
            }
            else
            {
                break;
            }
        }

        var digits = text.Length <= 128 ? stackalloc byte[128] : new byte[text.Length];
        var n = 0;
        foreach (var b in text)
        {
            if (b != ',')
            {
                digits[n++] = b;
            }
        }

        if (!decimal.TryParse(digits[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d < 0 || d >= 10_000_000_000_000_000m)
        {
            return QuarantineReasons.BadNumber(F.Names[field]);
        }

        v.Decimal(r, column, decimal.Round(d, 2, MidpointRounding.AwayFromZero));
        return null;
    }

    private static string[] TagsOf(FieldKind kind, ReadOnlySpan<byte> utf8, out string? reason)
    {
        reason = null;
        switch (kind)
        {
            case FieldKind.Missing or FieldKind.Null:
                return [];
            case FieldKind.Array:
                using (var doc = JsonDocument.Parse(utf8.ToArray()))
                {
                    return TagsOf(doc.RootElement, out reason);
                }

            case FieldKind.String:
                var text = Encoding.UTF8.GetString(utf8).Trim();
                if (text.StartsWith('['))
                {
                    try
                    {
                        using var doc = JsonDocument.Parse(text);
                        if (doc.RootElement.ValueKind == JsonValueKind.Array)
                        {
                            return TagsOf(doc.RootElement, out reason);
                        }
                    }
                    catch (JsonException)
                    {
                        // Not a JSON array after all: split it as "#a #b" text.
                    }
                }

                return text.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            default:
                reason = QuarantineReasons.BadType("tags");
                return [];
        }
    }

    private static string[] TagsOf(JsonElement array, out string? reason)
    {
        reason = null;
        var list = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                reason = QuarantineReasons.BadType("tags");
                return [];
            }

            string tag;
            try
            {
                tag = item.GetString()!.Replace("\0", string.Empty, StringComparison.Ordinal).Trim().TrimStart('#').Trim();
            }
            catch (InvalidOperationException)
            {
                // A lone surrogate escape: not text.
                reason = QuarantineReasons.InvalidJson;
                return [];
            }

            if (tag.Length > 0)
            {
                list.Add(tag);
            }
        }

        return [.. list];
    }

    private static byte[][] Utf8(params string[] values) => [.. values.Select(Encoding.UTF8.GetBytes)];

    /// <summary>One contract field: its landing field id, its lake column (and that of its normalised form), its allowed values in UTF-8.</summary>
    private sealed record Step(ContractField Field, int Id, int Column, int NormColumn, byte[][]? Allowed, Dictionary<string, byte>? Codes);

    /// <summary>A segment value's number: its place among the contract's values; unknown after them.</summary>
    private static Dictionary<string, byte> SegmentCodes(string field)
    {
        var values = LandingContract.Segment(field)!.Values;
        var codes = values.Select((value, i) => (value.Value, i)).ToDictionary(c => c.Value, c => (byte)c.i, StringComparer.Ordinal);
        codes[LandingContract.Unknown] = (byte)values.Count;
        return codes;
    }
}
