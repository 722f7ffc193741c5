namespace TrendInsight.Core.Config;

/// <summary>The <c>analysis:</c> section of <c>pipelines/trendinsight.yaml</c>.</summary>
public sealed class AnalysisConfig
{
    internal void Validate(List<string> errors)
    {
        _ = errors;
    }
}
