using System.Globalization;
using System.Text.RegularExpressions;
using TrendInsight.Core;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// The landing contract's timestamps: ISO-8601 with an offset (<c>Z</c>, <c>+08:00</c>, <c>+0800</c>),
/// without one (read as Asia/Shanghai wall-clock time), date-only, <c>/</c> as date separator (Excel),
/// or epoch milliseconds (a JSON number or a string of digits).
/// </summary>
internal static partial class TimestampParser
{
    public static bool TryParse(FieldValue value, out DateTimeOffset result)
    {
        result = default;
        var text = value.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (value.Kind == FieldKind.Number || EpochDigits().IsMatch(text))
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
                || ms < -62_135_596_800_000L || ms > 253_402_300_799_999L)
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
            result = BusinessCalendar.FromLocal(local);
            return true;
        }

        var zone = m.Groups["z"].Value;
        TimeSpan offset;
        if (zone is "Z" or "z")
        {
            offset = TimeSpan.Zero;
        }
        else
        {
            var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            var oh = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var om = digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
            if (oh > 14 || om > 59)
            {
                return false;
            }

            offset = new TimeSpan(oh, om, 0);
            if (zone[0] == '-')
            {
                offset = -offset;
            }
        }

        result = new DateTimeOffset(local, offset);
        return true;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-?\d{1,16}$")]
    private static partial Regex EpochDigits();

    [GeneratedRegex(@"^(?<y>\d{4})[-/](?<mo>\d{1,2})[-/](?<d>\d{1,2})(?:[T ](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?)?\s*(?<z>Z|z|[+-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex Iso();
}
