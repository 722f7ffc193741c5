using System.Reflection;

namespace TrendInsight.Core;

/// <summary>
/// Finds the files TrendInsight loads at run time but does not build: ECharts
/// (from the pinned npm packages under <c>tools/npm/node_modules</c>) and the pipeline definitions
/// under <c>pipelines/</c>. jieba's data comes with the jieba.NET package, beside the assemblies.
/// </summary>
/// <remarks>
/// The root is, in order: the <c>TRENDINSIGHT_HOME</c> environment variable when set (for installs
/// outside a checkout), the checkout this assembly was built from, then the first directory above the
/// running binary or the current directory that holds <c>tools/npm/package.json</c>.
/// </remarks>
public static class AssetLocator
{
    private const string Marker = "tools/npm/package.json";
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The project root (the folder holding <c>pipelines/</c> and <c>tools/npm/</c>).</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The installed npm packages.</summary>
    public static string NodeModules => Path.Combine(Root, "tools", "npm", "node_modules");

    /// <summary>The folder holding <c>trendinsight.yaml</c>, <c>sql/</c> and <c>lexicon/</c>.</summary>
    public static string Pipelines => Path.Combine(Root, "pipelines");

    /// <summary>Returns <paramref name="path"/> when it exists, otherwise fails with what to run.</summary>
    public static string Require(string path)
    {
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        throw new TrendInsightException(
            $"Required file not found: {path}. Run `make setup` in {Root} to install the pinned packages.");
    }

    private static string FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("TRENDINSIGHT_HOME");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        var built = typeof(AssetLocator).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TrendInsightSourceRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, Marker)))
        {
            return Path.GetFullPath(built);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Marker)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new TrendInsightException(
            "Cannot find the TrendInsight root (a folder with tools/npm/package.json). "
            + "Run from a checkout or set TRENDINSIGHT_HOME.");
    }
}
