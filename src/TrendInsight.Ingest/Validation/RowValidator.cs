using System.Globalization;
using System.Text;
using System.Text.Json;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Ingest.Lake;
using F = TrendInsight.Ingest.Validation.LandingField;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// Checks one landing row against the contract (docs: DESIGN.md, landing contract) and turns it into the
/// feed's lake columns, with normalised text next to the original. Returns the quarantine reason
/// instead when the row breaks the contract. Works on the row's UTF-8 values: only text that is
/// normalised is decoded to a string.
/// </summary>
internal sealed class RowValidator
{
    private static readonly byte[][] Actions = Utf8("play", "like", "comment", "share", "favorite", "click", "purchase");
    private static readonly byte[][] AgeBands = Utf8("<18", "18-23", "24-30", "31-40", "41-50", "50+");
    private static readonly byte[][] CityTiers = Utf8("1", "new1", "2", "3", "4", "5");
    private static readonly byte[] Unknown = "unknown"u8.ToArray();
    private static readonly char[] TagSeparators = ['#', ',', '，', ' ', '\u3000', ';', '；', '|', '\t'];

    private readonly FeedSchema _schema;
    private readonly int _key;
    private readonly Func<string, string> _normalize;
    private readonly int _maxText;
    private readonly int _maxId;
    private readonly DateTimeOffset _latest;
    private readonly DateTimeOffset _earliest;

    public RowValidator(FeedSchema schema, IngestConfig config, Func<string, string> normalize, DateTimeOffset now)
    {
        _schema = schema;
        _key = F.IdOf(schema.Key);
        _normalize = normalize;
        _maxText = config.MaxTextLength;
        _maxId = config.MaxIdBytes;
        _latest = now.AddHours(config.FutureToleranceHours);
        _earliest = new DateTimeOffset(config.EarliestYear, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    }

    /// <summary>
    /// Fills row <paramref name="r"/> of <paramref name="v"/> with the lake columns (all but <c>source_file</c>).
    /// Returns null when valid, else the reason. <paramref name="dt"/> is set whenever the timestamp parsed.
    /// </summary>
    public string? Validate(RowFields row, StagedRows v, int r, out DateOnly? dt)
    {
        dt = null;
        v.ClearRow(r);
        var reason = RequiredId(row, _key, v, r, 0);
        if (reason is not null)
        {
            return reason;
        }

        if (row.IsEmpty(F.Ts))
        {
            return QuarantineReasons.MissingField("ts");
        }

        var kind = row.Kind(F.Ts);
        if (kind is not (FieldKind.String or FieldKind.Number))
        {
            return QuarantineReasons.BadType("ts");
        }

        if (!TimestampParser.TryParse(kind, row.Utf8(F.Ts), out var instant) || instant < _earliest)
        {
            return QuarantineReasons.BadTimestamp;
        }

        dt = BusinessCalendar.DateOf(instant);
        if (instant > _latest)
        {
            return QuarantineReasons.FutureTimestamp;
        }

        v.Timestamp(r, 1, instant);
        return _schema.Feed switch
        {
            Feeds.Search => Search(row, v, r),
            Feeds.Comments => Comments(row, v, r),
            Feeds.Engagement => Engagement(row, v, r),
            Feeds.Content => Content(row, v, r),
            Feeds.Products => Products(row, v, r),
            _ => throw new InvalidOperationException(_schema.Feed),
        };
    }

    private string? Search(RowFields row, StagedRows v, int r) =>
        NormalisedText(row, F.Query, v, r, 2)
        ?? OptionalInt64(row, F.Count, min: 1, fallback: 1, v, r, 4)
        ?? Segments(row, v, r, 5);

    private string? Comments(RowFields row, StagedRows v, int r) =>
        RequiredId(row, F.ContentId, v, r, 2)
        ?? NormalisedText(row, F.Text, v, r, 3)
        ?? OptionalInt64(row, F.Likes, min: 0, fallback: null, v, r, 5)
        ?? Segments(row, v, r, 6);

    private string? Engagement(RowFields row, StagedRows v, int r) =>
        RequiredId(row, F.ContentId, v, r, 2)
        ?? Action(row, v, r, 3)
        ?? OptionalInt64(row, F.Count, min: 0, fallback: 1, v, r, 4)
        ?? OptionalDecimal(row, F.Gmv, v, r, 5)
        ?? Segments(row, v, r, 6);

    private string? Content(RowFields row, StagedRows v, int r)
    {
        var reason = NormalisedText(row, F.Title, v, r, 2);
        if (reason is not null)
        {
            return reason;
        }

        var tags = TagsOf(row.Kind(F.Tags), row.Utf8(F.Tags), out reason);
        if (reason is not null)
        {
            return reason;
        }

        v.List(r, 4, tags);
        v.List(r, 5, tags.Select(t => _normalize(t).TrimStart('#').Trim()).Where(t => t.Length > 0).ToArray());
        return OptionalId(row, F.AuthorId, v, r, 6)
            ?? OptionalString(row, F.Category, v, r, 7)
            ?? OptionalString(row, F.Platform, v, r, 8);
    }

    private string? Products(RowFields row, StagedRows v, int r) =>
        NormalisedText(row, F.Title, v, r, 2)
        ?? OptionalString(row, F.Category, v, r, 4)
        ?? OptionalDecimal(row, F.Price, v, r, 5)
        ?? OptionalInt64(row, F.Sales, min: 0, fallback: null, v, r, 6)
        ?? OptionalId(row, F.ShopId, v, r, 7);

    private string? Segments(RowFields row, StagedRows v, int r, int at)
    {
        var reason = OptionalId(row, F.UserId, v, r, at);
        if (reason is not null)
        {
            return reason;
        }

        v.Text(r, at + 1, Segment(row, F.AgeBand, AgeBands));
        v.Text(r, at + 2, Gender(row));
        v.Text(r, at + 3, Segment(row, F.CityTier, CityTiers));
        return OptionalString(row, F.Platform, v, r, at + 4);
    }

    /// <summary>The contract's spelling of the action (trimmed, any ASCII case), else the reason.</summary>
    private static string? Action(RowFields row, StagedRows v, int r, int column)
    {
        if (row.IsEmpty(F.Action))
        {
            return QuarantineReasons.MissingField("action");
        }

        if (row.Kind(F.Action) != FieldKind.String)
        {
            return QuarantineReasons.BadType("action");
        }

        var i = Utf8Text.IndexOfIgnoreCase(Utf8Text.Trim(row.Utf8(F.Action)), Actions);
        if (i < 0)
        {
            return QuarantineReasons.UnknownAction;
        }

        v.Text(r, column, Actions[i]);
        return null;
    }

    /// <summary>One of the allowed values (trimmed, spaces inside dropped, any ASCII case), else <c>unknown</c>.</summary>
    private static byte[] Segment(RowFields row, int field, byte[][] allowed)
    {
        if (row.Kind(field) is not (FieldKind.String or FieldKind.Number))
        {
            return Unknown;
        }

        scoped ReadOnlySpan<byte> text = Utf8Text.Trim(row.Utf8(field));
        scoped Span<byte> compact = stackalloc byte[16];
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
                    return Unknown;
                }

                compact[n++] = b;
            }

            text = compact[..n];
        }

        var i = Utf8Text.IndexOfIgnoreCase(text, allowed);
        return i >= 0 ? allowed[i] : Unknown;
    }

    /// <summary>f/m; 女/男 (Chinese exports) and female/male are read as the same.</summary>
    private static ReadOnlySpan<byte> Gender(RowFields row)
    {
        if (row.Kind(F.Gender) != FieldKind.String)
        {
            return Unknown;
        }

        var text = Utf8Text.Trim(row.Utf8(F.Gender));
        if (Ascii.EqualsIgnoreCase(text, "f"u8) || Ascii.EqualsIgnoreCase(text, "female"u8) || text.SequenceEqual("女"u8))
        {
            return "f"u8;
        }

        if (Ascii.EqualsIgnoreCase(text, "m"u8) || Ascii.EqualsIgnoreCase(text, "male"u8) || text.SequenceEqual("男"u8))
        {
            return "m"u8;
        }

        return Unknown;
    }

    /// <summary>An id: a non-blank string (trimmed) or a whole JSON number as written; at most <c>ingest.max_id_bytes</c>, no control characters.</summary>
    private string? RequiredId(RowFields row, int field, StagedRows v, int r, int column)
    {
        if (row.IsEmpty(field))
        {
            return QuarantineReasons.MissingField(F.Names[field]);
        }

        var kind = row.Kind(field);
        var text = row.Utf8(field);
        if (kind is FieldKind.String)
        {
            var id = Utf8Text.Trim(text);
            var reason = CheckId(field, id);
            if (reason is null)
            {
                v.Text(r, column, id);
            }

            return reason;
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
        return id.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || id.Contains((byte)0x7F) ? QuarantineReasons.BadId(F.Names[field]) : null;
    }

    /// <summary>Required text into <paramref name="column"/>, its normalised form into the column after it.</summary>
    private string? NormalisedText(RowFields row, int field, StagedRows v, int r, int column)
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
            v.Text(r, column + 1, normalised);
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
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d != decimal.Truncate(d)
                || d > long.MaxValue || d < long.MinValue)
            {
                return QuarantineReasons.BadNumber(F.Names[field]);
            }

            n = (long)d;
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
}
