namespace TrendInsight.Core.Config;

/// <summary>The <c>report:</c> section of <c>pipelines/trendinsight.yaml</c>.</summary>
public sealed class ReportConfig
{
    internal void Validate(List<string> errors)
    {
        _ = errors;
    }
}
