namespace TrendInsight.Core.Config;

/// <summary>The <c>ingest:</c> section of <c>pipelines/trendinsight.yaml</c>.</summary>
public sealed class IngestConfig
{
    internal void Validate(List<string> errors)
    {
        _ = errors;
    }
}
