using System.CommandLine;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.Core.Config;

namespace TrendInsight.Cli;

/// <summary>The global options every command shares, and what they resolve to.</summary>
public static class CliContext
{
    /// <summary><c>--data DIR</c>: the data folder (default <c>./data</c>).</summary>
    public static Option<DirectoryInfo> DataOption { get; } = new("--data")
    {
        Description = "Data folder: landing/, lake/, reports/, quarantine/, state/, warehouse.duckdb",
        DefaultValueFactory = _ => new DirectoryInfo("data"),
        Recursive = true,
    };

    /// <summary><c>--config FILE</c>: the pipeline configuration (default <c>pipelines/trendinsight.yaml</c>).</summary>
    public static Option<FileInfo?> ConfigOption { get; } = new("--config")
    {
        Description = "Pipeline configuration (default: pipelines/trendinsight.yaml of this installation)",
        Recursive = true,
    };

    /// <summary><c>--csv</c>: tables as CSV (each after a <c># title</c> line), for scripts.</summary>
    public static Option<bool> CsvOption { get; } = new("--csv")
    {
        Description = "Print tables as CSV, each after a '# title' line (default: aligned text in a pipe, a fitted table on a terminal)",
        Recursive = true,
    };

    /// <summary>
    /// A business day given on the command line as YYYY-MM-DD; <paramref name="fallback"/> when the
    /// option was not given. A malformed value is an error that names the option.
    /// </summary>
    public static DateOnly Day(string? text, string option, DateOnly fallback)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return BusinessCalendar.TryParse(text, out var day)
            ? day
            : throw new UsageException($"{option}: '{text}' is not a date in the form YYYY-MM-DD.");
    }

    /// <summary>
    /// The landing folder: <paramref name="given"/> (<c>--landing</c>) or the data folder's <c>landing/</c>. One that does
    /// not exist is an error naming it: a mistyped path must not read as "nothing new".
    /// </summary>
    public static string LandingFolder(string? given, DataLayout layout)
    {
        var folder = given ?? layout.Landing;
        return Directory.Exists(folder)
            ? folder
            : throw new TrendInsightException($"the landing folder {folder} does not exist" + (given is null ? " (the data folder's landing/; --data DIR names the data folder)" : string.Empty));
    }

    public static DataLayout Layout(ParseResult result) =>
        new(result.GetValue(DataOption)!.FullName);

    public static PipelineConfig Config(ParseResult result)
    {
        var file = result.GetValue(ConfigOption);
        if (file is not null)
        {
            return PipelineConfig.Load(file.FullName);
        }

        var local = Path.Combine("pipelines", "trendinsight.yaml");
        return PipelineConfig.Load(File.Exists(local) ? Path.GetFullPath(local) : PipelineConfig.DefaultPath);
    }
}
