using System.Net;
using System.Text.RegularExpressions;

namespace TrendInsight.Reports.Rendering;

/// <summary>
/// Text as a reader sees it: platforms deliver comments and titles with HTML in them (<c>&lt;br&gt;</c>,
/// <c>&amp;nbsp;</c>, <c>&lt;p&gt;</c>). Line-breaking tags become line breaks, other tags are dropped and
/// entities decoded, before each renderer escapes the text for its own format.
/// </summary>
internal static partial class PlainText
{
    /// <summary>The text of <paramref name="html"/>: lines separated by <c>\n</c>, no tags, entities decoded, trimmed.</summary>
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        if (html.IndexOf('<', StringComparison.Ordinal) < 0 && html.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return html.Trim();
        }

        var text = LineBreak().Replace(html, "\n");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"<\s*(br|/?p|/?div|/?li)\b[^<>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<\s*/?[a-zA-Z][^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
