using TrendInsight.Core;

namespace TrendInsight.Reports.Rendering;

/// <summary>Reads the report's embedded assets (CSS, script).</summary>
internal static class Resources
{
    public static string Text(string name) =>
        EmbeddedText.Read(typeof(Resources).Assembly, "TrendInsight.Reports.Assets." + name);
}
