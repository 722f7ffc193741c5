using System.Reflection;

namespace TrendInsight.Core;

/// <summary>Reads text files (SQL, CSS, scripts) that a project embeds in its assembly.</summary>
public static class EmbeddedText
{
    /// <summary>
    /// The UTF-8 text of the manifest resource <paramref name="resource"/> of <paramref name="assembly"/>;
    /// a missing resource is a build defect and fails with the resource and assembly named.
    /// </summary>
    public static string Read(Assembly assembly, string resource)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new TrendInsightException($"Embedded resource {resource} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
