using System.Reflection;
using TrendInsight.Core;

namespace TrendInsight.Reports.Rendering;

/// <summary>Reads the report's embedded assets (CSS, script).</summary>
internal static class Resources
{
    public static string Text(string name)
    {
        var assembly = typeof(Resources).Assembly;
        using var stream = assembly.GetManifestResourceStream("TrendInsight.Reports.Assets." + name)
            ?? throw new TrendInsightException($"Embedded resource TrendInsight.Reports.Assets.{name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
