using System.Reflection;
using TrendInsight.Core;

namespace TrendInsight.Text;

/// <summary>
/// jieba's data as the jieba.NET 0.42.2 package ships it: the main dictionary (<c>dict.txt</c>, python
/// jieba 0.42.1's with CRLF line ends), the finalseg HMM tables (<c>prob_trans.json</c>,
/// <c>prob_emit.json</c>), the TF-IDF table (<c>idf.txt</c>) and the stop words (<c>stopwords.txt</c>).
/// The build copies them from the package into <c>jieba/</c> beside the assemblies.
/// </summary>
public static class JiebaData
{
    /// <summary>
    /// The HMM start probabilities, which jieba.NET keeps in code rather than in a file: python jieba
    /// 0.42.1's <c>finalseg/prob_start.py</c>, in state order B, E, M, S.
    /// </summary>
    internal static readonly double[] HmmStart = [-0.26268660809250016, -3.14e+100, -3.14e+100, -1.4652633398537678];

    /// <summary>The version of the jieba.NET package the data and the reference segmenter come from.</summary>
    public static string PackageVersion
    {
        get
        {
            var assembly = typeof(JiebaNet.Segmenter.ConfigManager).Assembly;
            return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetCustomAttribute<AssemblyFileVersionAttribute>()?.Version
                ?? assembly.GetName().Version?.ToString()
                ?? "unknown";
        }
    }

    /// <summary>The folder the build copied jieba.NET's data to.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "jieba");

    /// <summary>jieba's main dictionary (<c>word freq tag</c> lines).</summary>
    public static string DictionaryPath => Require("dict.txt");

    /// <summary>The HMM transition table (JSON, state → state → log probability).</summary>
    public static string HmmTransitionPath => Require("prob_trans.json");

    /// <summary>The HMM emission table (JSON, state → character → log probability).</summary>
    public static string HmmEmissionPath => Require("prob_emit.json");

    /// <summary>jieba's IDF table (<c>word idf</c> lines).</summary>
    public static string IdfPath => Require("idf.txt");

    /// <summary>jieba.NET's stop words (one a line).</summary>
    public static string StopWordsPath => Require("stopwords.txt");

    /// <summary>The path of <paramref name="file"/> in <see cref="Folder"/>; fails when it is not there.</summary>
    public static string Require(string file)
    {
        var path = Path.Combine(Folder, file);
        if (!File.Exists(path))
        {
            throw new TrendInsightException(
                $"jieba data file missing: {path}. The build copies it from the jieba.NET package's Resources/ "
                + "folder; run `make build` (or `dotnet build`) after `make setup`.");
        }

        return path;
    }
}
