using System.Globalization;
using System.Text;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// Counts as Chinese exports and dashboards write them: thousands separators (1,234), a magnitude suffix
/// (1.2万, 3.5w, 2亿, 1.5k, 3千) and a trailing plus (10万+, 999+, read as the number before it).
/// </summary>
internal static class CountText
{
    /// <summary>Reads <paramref name="utf8"/> (ASCII digits, already folded and trimmed) as a whole count, rounded to the nearest whole.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out long value)
    {
        value = 0;
        if (utf8.IsEmpty || utf8.Length > 64)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(utf8).Trim();
        if (text.EndsWith('+'))
        {
            text = text[..^1].TrimEnd();
        }

        decimal factor = 1;
        foreach (var (suffix, f) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                factor = f;
                text = text[..^suffix.Length].TrimEnd();
                break;
            }
        }

        if (text.Contains(',', StringComparison.Ordinal))
        {
            // Thousands separators only: 1,234 and 12,345,678, not 1,2 or 1,23.
            var parts = text.Split(',');
            if (parts[0].Length is < 1 or > 3 || parts.Skip(1).Any(p => p.Length < 3 || (p.Length > 3 && p[3] != '.')))
            {
                return false;
            }

            text = text.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            return false;
        }

        var scaled = decimal.Round(d * factor, 0, MidpointRounding.AwayFromZero);
        if (scaled > long.MaxValue)
        {
            return false;
        }

        value = (long)scaled;
        return true;
    }

    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("万", 10_000m), ("w", 10_000m), ("W", 10_000m), ("亿", 100_000_000m), ("千", 1_000m), ("k", 1_000m), ("K", 1_000m),
    ];
}
