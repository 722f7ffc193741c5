using System.Globalization;
using TrendInsight.Core;
using TrendInsight.Ingest.Reading;

namespace TrendInsight.Ingest.Validation;

/// <summary>The quarantine's <c>detail</c>: what the contract expected and, where a field is to blame, what the row had.</summary>
internal static class QuarantineDetail
{
    private const int ShownChars = 80;

    public static string For(string reason, RowFields row, string? feed = null)
    {
        var expected = QuarantineReasons.Expected(reason, feed);
        var field = FieldOf(reason);
        if (field < 0 || row.Kind(field) is FieldKind.Missing or FieldKind.Null)
        {
            return expected;
        }

        var value = row.Utf8(field);
        if (reason.StartsWith("id_too_long:", StringComparison.Ordinal))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{expected}; got {value.Length:N0} bytes");
        }

        return expected + "; got '" + Excerpt(TextDecoding.Lenient.GetString(value)) + "'";
    }

    /// <summary>At most 80 characters of <paramref name="text"/>, with an ellipsis when cut.</summary>
    public static string Excerpt(string text) => text.Length <= ShownChars ? text : string.Concat(text.AsSpan(0, ShownChars), "…");

    private static int FieldOf(string reason)
    {
        if (reason is QuarantineReasons.BadTimestamp or QuarantineReasons.FutureTimestamp)
        {
            return LandingField.Ts;
        }

        if (reason == QuarantineReasons.UnknownAction)
        {
            return LandingField.Action;
        }

        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? -1 : Array.IndexOf(LandingField.Names, reason[(colon + 1)..]);
    }
}
