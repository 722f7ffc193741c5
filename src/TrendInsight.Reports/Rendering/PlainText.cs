using System.Net;
using System.Text.RegularExpressions;

namespace TrendInsight.Reports.Rendering;

/// <summary>
/// Text as a reader sees it: platforms deliver comments and titles with HTML in them (<c>&lt;br&gt;</c>,
/// <c>&amp;nbsp;</c>, <c>&lt;p&gt;</c>). Line-breaking tags become line breaks, formatting tags (<c>b</c>,
/// <c>span</c>, <c>a</c>, <c>img</c> …) are dropped and entities decoded, before each renderer escapes the text
/// for its own format. Anything else that looks like a tag (<c>&lt;script&gt;</c>) is not markup a platform
/// formats comments with: it stays as the text the user wrote, and is shown escaped.
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

    [GeneratedRegex(@"<\s*/?(b|i|u|s|em|strong|span|font|a|img|small|big|sub|sup|ul|ol|h[1-6]|section|article)\b[^<>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
