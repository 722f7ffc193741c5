using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TrendInsight.Core;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// The landing contract's timestamps: ISO-8601 with an offset (<c>Z</c>, <c>+08:00</c>, <c>+0800</c>),
/// without one (read as wall-clock time in <c>ingest.time_zone</c>, Asia/Shanghai by default), date-only, <c>/</c> as date separator (Excel),
/// or epoch seconds or milliseconds (a JSON number or a string of digits; up to 11 digits are seconds). Full-width and other non-ASCII digits are
/// folded to ASCII first (<see cref="DigitFolding"/>); nothing here throws, whatever the text.
/// </summary>
internal static partial class TimestampParser
{
    private const long EpochSecondsBelow = 100_000_000_000L;

    /// <summary>Parses a field's UTF-8 text; the usual ISO form is read without decoding it. A time without an offset is Asia/Shanghai.</summary>
    public static bool TryParse(FieldKind kind, ReadOnlySpan<byte> utf8, out DateTimeOffset result) =>
        TryParse(kind, utf8, BusinessCalendar.Zone, out result);

    /// <summary>Parses a field's UTF-8 text; a time without an offset is read in <paramref name="zone"/>.</summary>
    public static bool TryParse(FieldKind kind, ReadOnlySpan<byte> utf8, TimeZoneInfo zone, out DateTimeOffset result)
    {
        var trimmed = Utf8Text.Trim(utf8);
        try
        {
            if (kind == FieldKind.String && TryParseCommon(trimmed, zone, out result))
            {
                return true;
            }
        }
        catch (ArgumentException)
        {
            result = default;
            return false;
        }

        return TryParse(kind, Encoding.UTF8.GetString(trimmed), zone, out result);
    }

    public static bool TryParse(FieldKind kind, string? value, out DateTimeOffset result) =>
        TryParse(kind, value, BusinessCalendar.Zone, out result);

    public static bool TryParse(FieldKind kind, string? value, TimeZoneInfo zone, out DateTimeOffset result)
    {
        try
        {
            return TryParseFolded(kind, value is null ? null : DigitFolding.Fold(value), zone, out result);
        }
        catch (ArgumentException)
        {
            // A date at the edge of the calendar that an offset moves outside it (0001-01-01T00:00+08:00), or a local
            // time whose historical offset is not whole minutes.
            result = default;
            return false;
        }
    }

    private static bool TryParseFolded(FieldKind kind, string? value, TimeZoneInfo zone, out DateTimeOffset result)
    {
        result = default;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (kind == FieldKind.String && text.Length <= 25 && Ascii.IsValid(text))
        {
            Span<byte> ascii = stackalloc byte[25];
            var length = Encoding.ASCII.GetBytes(text, ascii);
            if (TryParseCommon(ascii[..length], zone, out result))
            {
                return true;
            }
        }

        if (kind == FieldKind.Number || EpochDigits().IsMatch(text))
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var epoch))
            {
                return false;
            }

            // Epoch seconds until 5138 have at most 11 digits; milliseconds since 1973-03 have 12 or more.
            var ms = Math.Abs(epoch) < EpochSecondsBelow ? epoch * 1000 : epoch;
            if (ms < -62_135_596_800_000L || ms > 253_402_300_799_999L)
            {
                return false;
            }

            result = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        var m = Iso().Match(text);
        if (!m.Success)
        {
            return false;
        }

        var year = Int(m, "y");
        if (year < 1)
        {
            return false;
        }

        var month = Int(m, "mo");
        var day = Int(m, "d");
        var hour = m.Groups["h"].Success ? Int(m, "h") : 0;
        var minute = m.Groups["mi"].Success ? Int(m, "mi") : 0;
        var second = m.Groups["s"].Success ? Int(m, "s") : 0;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        long ticks = 0;
        if (m.Groups["f"].Success)
        {
            var frac = m.Groups["f"].Value;
            ticks = long.Parse(frac.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        if (!m.Groups["z"].Success)
        {
            result = FromLocal(local, zone);
            return true;
        }

        var designator = m.Groups["z"].Value;
        TimeSpan offset;
        if (designator is "Z" or "z")
        {
            offset = TimeSpan.Zero;
        }
        else
        {
            var digits = designator[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            var oh = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var om = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
            if (oh > 14 || om > 59 || (oh == 14 && om > 0))
            {
                return false;
            }

            offset = new TimeSpan(oh, om, 0);
            if (designator[0] == '-')
            {
                offset = -offset;
            }
        }

        result = new DateTimeOffset(local, offset);
        return true;
    }

    /// <summary>
    /// The usual form, <c>yyyy-MM-ddTHH:mm:ss</c> with <c>Z</c>, <c>±hh:mm</c> or no offset, in ASCII digits, read
    /// without the regular expression. False for anything else or an invalid value: the general path decides then.
    /// </summary>
    private static bool TryParseCommon(ReadOnlySpan<byte> t, TimeZoneInfo zone, out DateTimeOffset result)
    {
        result = default;
        if (t.Length is not (19 or 20 or 25) || t[4] != '-' || t[7] != '-' || t[10] is not ((byte)'T' or (byte)' ') || t[13] != ':' || t[16] != ':')
        {
            return false;
        }

        var year = Digits(t, 0, 4);
        var month = Digits(t, 5, 2);
        var day = Digits(t, 8, 2);
        var hour = Digits(t, 11, 2);
        var minute = Digits(t, 14, 2);
        var second = Digits(t, 17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23
            || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (t.Length == 19)
        {
            result = FromLocal(local, zone);
            return true;
        }

        if (t.Length == 20)
        {
            if (t[19] is not ((byte)'Z' or (byte)'z'))
            {
                return false;
            }

            result = new DateTimeOffset(local, TimeSpan.Zero);
            return true;
        }

        var oh = Digits(t, 20, 2);
        var om = Digits(t, 23, 2);
        if (t[19] is not ((byte)'+' or (byte)'-') || t[22] != ':' || oh is < 0 or > 14 || om is < 0 or > 59 || (oh == 14 && om > 0))
        {
            return false;
        }

        var offset = new TimeSpan(oh, om, 0);
        result = new DateTimeOffset(local, t[19] == '-' ? -offset : offset);
        return true;
    }

    private static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(local));

    /// <summary>The value of <paramref name="count"/> ASCII digits at <paramref name="start"/>, or -1.</summary>
    private static int Digits(ReadOnlySpan<byte> t, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = t[i] - '0';
            if (d is < 0 or > 9)
            {
                return -1;
            }

            n = (n * 10) + d;
        }

        return n;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-?[0-9]{1,16}$")]
    private static partial Regex EpochDigits();

    [GeneratedRegex(@"^(?<y>[0-9]{4})[-/](?<mo>[0-9]{1,2})[-/](?<d>[0-9]{1,2})(?:[T ](?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,](?<f>[0-9]{1,9}))?)?)?\s*(?<z>Z|z|[+-][0-9]{2}(?::?[0-9]{2})?)?$")]
    private static partial Regex Iso();
}
