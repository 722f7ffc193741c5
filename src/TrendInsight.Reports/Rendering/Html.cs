using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace TrendInsight.Reports.Rendering;

/// <summary>Escaping for the HTML report: element text, attributes, and JSON embedded in a script element.</summary>
internal static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        // JavaScriptEncoder always escapes the HTML-sensitive characters (< > & ' " +) as \uXXXX,
        // so "</script>" inside the data cannot close the element that holds it.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    /// <summary>Text for element content or a quoted attribute value.</summary>
    public static string E(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);

    /// <summary>Text of several lines for element content: each line escaped, lines joined by <c>&lt;br&gt;</c>.</summary>
    public static string Lines(string? text) => string.IsNullOrEmpty(text) ? string.Empty : string.Join("<br>", text.Split('\n').Select(E));

    /// <summary>JSON safe to place inside <c>&lt;script type="application/json"&gt;</c>.</summary>
    public static string Json<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, JsonOptions);
        return json
            .Replace("<", "\\u003C", StringComparison.Ordinal)
            .Replace(">", "\\u003E", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
    }
}
