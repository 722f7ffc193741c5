using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TrendInsight.Core.Config;

/// <summary>
/// <c>pipelines/trendinsight.yaml</c>: one section per stage. Keys are snake_case in YAML; an unknown
/// key, a key given twice, a value of the wrong kind and an empty file are errors that name the file,
/// line and key, so a typo never silently falls back to a default.
/// </summary>
public sealed class PipelineConfig
{
    /// <summary>
    /// The time zone (IANA id) every time a command shows is in: <c>status</c>, run summaries. The business day
    /// of an event is its Asia/Shanghai date whatever this says.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public EngineConfig Engine { get; set; } = new();
    public IngestConfig Ingest { get; set; } = new();
    public TextConfig Text { get; set; } = new();
    public AnalysisConfig Analysis { get; set; } = new();
    public ReportConfig Report { get; set; } = new();
    public ScheduleConfig Schedule { get; set; } = new();

    /// <summary>The configuration file shipped with the project.</summary>
    public static string DefaultPath => Path.Combine(AssetLocator.Pipelines, "trendinsight.yaml");

    /// <summary>Loads and validates a configuration file.</summary>
    public static PipelineConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TrendInsightException($"Configuration file not found: {path}");
        }

        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        PipelineConfig config;
        try
        {
            var text = File.ReadAllText(path);
            YamlShape.Check(path, text);
            config = deserializer.Deserialize<PipelineConfig>(text) ?? new PipelineConfig();
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException is null ? string.Empty : $" ({ex.InnerException.Message})";
            throw new TrendInsightException(
                $"{path}:{ex.Start.Line}:{ex.Start.Column}: {ex.Message}{inner}", inner: ex);
        }

        config.Validate(path);
        return config;
    }

    /// <summary>The zone of <see cref="TimeZone"/>.</summary>
    public TimeZoneInfo DisplayZone() =>
        TimeZones.Find(TimeZone) ?? throw new TrendInsightException($"time_zone: unknown time zone '{TimeZone}'");

    /// <summary>Checks every section; the message names the offending key.</summary>
    public void Validate(string source)
    {
        var errors = new List<string>();
        if (TimeZones.Find(TimeZone) is null)
        {
            errors.Add($"time_zone: unknown time zone '{TimeZone}' (an IANA id such as Asia/Shanghai or UTC)");
        }

        Engine.Validate(errors);
        Ingest.Validate(errors);
        Text.Validate(errors);
        Analysis.Validate(errors);
        Report.Validate(errors);
        Schedule.Validate(errors);
        if (errors.Count == 1)
        {
            throw new TrendInsightException($"{source}: invalid configuration: {errors[0]}");
        }

        if (errors.Count > 1)
        {
            throw new TrendInsightException($"{source}: invalid configuration:\n  " + string.Join("\n  ", errors));
        }
    }
}
