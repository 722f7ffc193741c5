using System.Globalization;
using System.Text.Json;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// Checks one landing row against the contract (docs: DESIGN.md, landing contract) and turns it into the
/// feed's lake columns, with normalised text next to the original. Returns the quarantine reason
/// instead when the row breaks the contract.
/// </summary>
internal sealed class RowValidator
{
    private static readonly string[] Actions = ["play", "like", "comment", "share", "favorite", "click", "purchase"];
    private static readonly string[] AgeBands = ["<18", "18-23", "24-30", "31-40", "41-50", "50+"];
    private static readonly string[] CityTiers = ["1", "new1", "2", "3", "4", "5"];
    private static readonly string[] Genders = ["f", "m"];
    private static readonly char[] TagSeparators = ['#', ',', '，', ' ', '\u3000', ';', '；', '|', '\t'];

    private readonly FeedSchema _schema;
    private readonly Func<string, string> _normalize;
    private readonly int _maxText;
    private readonly DateTimeOffset _latest;
    private readonly DateTimeOffset _earliest;

    public RowValidator(FeedSchema schema, IngestConfig config, Func<string, string> normalize, DateTimeOffset now)
    {
        _schema = schema;
        _normalize = normalize;
        _maxText = config.MaxTextLength;
        _latest = now.AddHours(config.FutureToleranceHours);
        _earliest = new DateTimeOffset(config.EarliestYear, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    }

    /// <summary>
    /// Fills <paramref name="values"/> (one per schema column; <c>source_file</c> left to the caller).
    /// Returns null when valid, else the reason. <paramref name="dt"/> is set whenever the timestamp parsed.
    /// </summary>
    public string? Validate(IRowFields row, object?[] values, out DateOnly? dt)
    {
        dt = null;
        Array.Clear(values);
        var key = RequiredId(row, _schema.Key, out var reason);
        if (reason is not null)
        {
            return reason;
        }

        var ts = row.Get("ts");
        if (ts.IsEmpty)
        {
            return QuarantineReasons.MissingField("ts");
        }

        if (ts.Kind is not (FieldKind.String or FieldKind.Number))
        {
            return QuarantineReasons.BadType("ts");
        }

        if (!TimestampParser.TryParse(ts, out var instant) || instant < _earliest)
        {
            return QuarantineReasons.BadTimestamp;
        }

        dt = BusinessCalendar.DateOf(instant);
        if (instant > _latest)
        {
            return QuarantineReasons.FutureTimestamp;
        }

        values[0] = key;
        values[1] = instant;
        return _schema.Feed switch
        {
            Feeds.Search => Search(row, values),
            Feeds.Comments => Comments(row, values),
            Feeds.Engagement => Engagement(row, values),
            Feeds.Content => Content(row, values),
            Feeds.Products => Products(row, values),
            _ => throw new InvalidOperationException(_schema.Feed),
        };
    }

    private string? Search(IRowFields row, object?[] v)
    {
        var query = RequiredText(row, "query", out var reason);
        if (reason is not null)
        {
            return reason;
        }

        v[2] = query;
        v[3] = _normalize(query!);
        v[4] = OptionalInt64(row, "count", min: 1, fallback: 1, out reason);
        return reason ?? Segments(row, v, 5);
    }

    private string? Comments(IRowFields row, object?[] v)
    {
        v[2] = RequiredId(row, "content_id", out var reason);
        if (reason is not null)
        {
            return reason;
        }

        var text = RequiredText(row, "text", out reason);
        if (reason is not null)
        {
            return reason;
        }

        v[3] = text;
        v[4] = _normalize(text!);
        v[5] = OptionalInt64(row, "likes", min: 0, fallback: null, out reason);
        return reason ?? Segments(row, v, 6);
    }

    private string? Engagement(IRowFields row, object?[] v)
    {
        v[2] = RequiredId(row, "content_id", out var reason);
        if (reason is not null)
        {
            return reason;
        }

        // The contract's spelling is matched without reading the value into a string.
        var name = row.Match("action", Actions);
        if (name is null)
        {
            var action = row.Get("action");
            if (action.IsEmpty)
            {
                return QuarantineReasons.MissingField("action");
            }

            if (action.Kind != FieldKind.String)
            {
                return QuarantineReasons.BadType("action");
            }

            name = OneOf(action.Text.AsSpan().Trim(), Actions);
            if (name is null)
            {
                return QuarantineReasons.UnknownAction;
            }
        }

        v[3] = name;
        v[4] = OptionalInt64(row, "count", min: 0, fallback: 1, out reason);
        if (reason is not null)
        {
            return reason;
        }

        v[5] = OptionalDecimal(row, "gmv", out reason);
        return reason ?? Segments(row, v, 6);
    }

    private string? Content(IRowFields row, object?[] v)
    {
        var title = RequiredText(row, "title", out var reason);
        if (reason is not null)
        {
            return reason;
        }

        v[2] = title;
        v[3] = _normalize(title!);
        var tags = Tags(row, out reason);
        if (reason is not null)
        {
            return reason;
        }

        v[4] = tags;
        v[5] = tags.Select(t => _normalize(t).TrimStart('#').Trim()).Where(t => t.Length > 0).ToArray();
        v[6] = OptionalString(row, "author_id", out reason);
        if (reason is not null)
        {
            return reason;
        }

        v[7] = OptionalString(row, "category", out reason);
        if (reason is not null)
        {
            return reason;
        }

        v[8] = OptionalString(row, "platform", out reason);
        return reason;
    }

    private string? Products(IRowFields row, object?[] v)
    {
        var title = RequiredText(row, "title", out var reason);
        if (reason is not null)
        {
            return reason;
        }

        v[2] = title;
        v[3] = _normalize(title!);
        v[4] = OptionalString(row, "category", out reason);
        if (reason is not null)
        {
            return reason;
        }

        v[5] = OptionalDecimal(row, "price", out reason);
        if (reason is not null)
        {
            return reason;
        }

        v[6] = OptionalInt64(row, "sales", min: 0, fallback: null, out reason);
        if (reason is not null)
        {
            return reason;
        }

        v[7] = OptionalString(row, "shop_id", out reason);
        return reason;
    }

    private static string? Segments(IRowFields row, object?[] v, int at)
    {
        v[at] = OptionalString(row, "user_id", out var reason);
        if (reason is not null)
        {
            return reason;
        }

        v[at + 1] = Segment(row, "age_band", AgeBands);
        v[at + 2] = Gender(row);
        v[at + 3] = Segment(row, "city_tier", CityTiers);
        v[at + 4] = OptionalString(row, "platform", out reason);
        return reason;
    }

    private static string Segment(IRowFields row, string name, string[] allowed)
    {
        if (row.Match(name, allowed) is { } exact)
        {
            return exact;
        }

        var value = row.Get(name);
        if (value.Kind is not (FieldKind.String or FieldKind.Number))
        {
            return "unknown";
        }

        // The contract's values are returned as the shared constants, so a row allocates nothing here.
        var text = value.Text.AsSpan().Trim();
        if (text.Contains(' '))
        {
            text = text.ToString().Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        return OneOf(text, allowed) ?? "unknown";
    }

    /// <summary>The allowed value that <paramref name="text"/> spells, ignoring ASCII case; null when none.</summary>
    private static string? OneOf(ReadOnlySpan<char> text, string[] allowed)
    {
        foreach (var candidate in allowed)
        {
            if (text.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>f/m; 女/男 (Chinese exports) and female/male are read as the same.</summary>
    private static string Gender(IRowFields row)
    {
        if (row.Match("gender", Genders) is { } exact)
        {
            return exact;
        }

        var value = row.Get("gender");
        if (value.Kind != FieldKind.String)
        {
            return "unknown";
        }

        var text = value.Text.AsSpan().Trim();
        if (text.Equals("f", StringComparison.OrdinalIgnoreCase) || text.Equals("female", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("女"))
        {
            return "f";
        }

        if (text.Equals("m", StringComparison.OrdinalIgnoreCase) || text.Equals("male", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("男"))
        {
            return "m";
        }

        return "unknown";
    }

    private static string? RequiredId(IRowFields row, string name, out string? reason)
    {
        var value = row.Get(name);
        reason = null;
        if (value.IsEmpty)
        {
            reason = QuarantineReasons.MissingField(name);
            return null;
        }

        if (value.Kind is FieldKind.String)
        {
            return value.Text!.Trim();
        }

        if (value.Kind is FieldKind.Number && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return value.Text;
        }

        reason = QuarantineReasons.BadType(name);
        return null;
    }

    private string? RequiredText(IRowFields row, string name, out string? reason)
    {
        var value = row.Get(name);
        reason = null;
        if (value.IsEmpty)
        {
            reason = QuarantineReasons.MissingField(name);
            return null;
        }

        if (value.Kind != FieldKind.String)
        {
            reason = QuarantineReasons.BadType(name);
            return null;
        }

        var text = value.Text!;
        if (text.Length > _maxText && CharacterCount(text) > _maxText)
        {
            reason = QuarantineReasons.TextTooLong;
            return null;
        }

        return StripNul(text);
    }

    private static string? OptionalString(IRowFields row, string name, out string? reason)
    {
        var value = row.Get(name);
        reason = null;
        switch (value.Kind)
        {
            case FieldKind.Missing or FieldKind.Null:
                return null;
            case FieldKind.String:
                var text = StripNul(value.Text!).Trim();
                return text.Length == 0 ? null : text;
            case FieldKind.Number:
                return value.Text;
            default:
                reason = QuarantineReasons.BadType(name);
                return null;
        }
    }

    private static long? OptionalInt64(IRowFields row, string name, long min, long? fallback, out string? reason)
    {
        var value = row.Get(name);
        reason = null;
        if (value.IsEmpty)
        {
            return fallback;
        }

        if (value.Kind is not (FieldKind.String or FieldKind.Number))
        {
            reason = QuarantineReasons.BadType(name);
            return null;
        }

        var text = value.Text!.Trim();
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            // 12.0 and 1e3 are whole numbers written another way; 1.5 is not.
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d != decimal.Truncate(d)
                || d > long.MaxValue || d < long.MinValue)
            {
                reason = QuarantineReasons.BadNumber(name);
                return null;
            }

            n = (long)d;
        }

        if (n < min)
        {
            reason = QuarantineReasons.BadNumber(name);
            return null;
        }

        return n;
    }

    private static decimal? OptionalDecimal(IRowFields row, string name, out string? reason)
    {
        var value = row.Get(name);
        reason = null;
        if (value.IsEmpty)
        {
            return null;
        }

        if (value.Kind is not (FieldKind.String or FieldKind.Number))
        {
            reason = QuarantineReasons.BadType(name);
            return null;
        }

        var text = value.Text!.Trim().TrimStart('¥', '￥').Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d < 0 || d >= 10_000_000_000_000_000m)
        {
            reason = QuarantineReasons.BadNumber(name);
            return null;
        }

        return decimal.Round(d, 2, MidpointRounding.AwayFromZero);
    }

    private static string[] Tags(IRowFields row, out string? reason) => TagsOf(row.Get("tags"), out reason);

    private static string[] TagsOf(FieldValue value, out string? reason)
    {
        reason = null;
        switch (value.Kind)
        {
            case FieldKind.Missing or FieldKind.Null:
                return [];
            case FieldKind.Array:
                var list = new List<string>();
                foreach (var item in value.Element.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        reason = QuarantineReasons.BadType("tags");
                        return [];
                    }

                    var tag = StripNul(item.GetString()!).Trim().TrimStart('#').Trim();
                    if (tag.Length > 0)
                    {
                        list.Add(tag);
                    }
                }

                return [.. list];
            case FieldKind.String:
                var text = value.Text!.Trim();
                if (text.StartsWith('['))
                {
                    try
                    {
                        using var doc = JsonDocument.Parse(text);
                        return TagsOf(new FieldValue(FieldKind.Array, null, doc.RootElement.Clone()), out reason);
                    }
                    catch (JsonException)
                    {
                        // Not a JSON array after all: split it as "#a #b" text.
                    }
                }

                return StripNul(text).Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            default:
                reason = QuarantineReasons.BadType("tags");
                return [];
        }
    }

    private static int CharacterCount(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            n++;
        }

        return n;
    }

    private static string StripNul(string text) =>
        text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text;
}
