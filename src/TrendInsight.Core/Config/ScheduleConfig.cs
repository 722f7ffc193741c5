namespace TrendInsight.Core.Config;

/// <summary>The <c>schedule:</c> section of <c>pipelines/trendinsight.yaml</c>.</summary>
public sealed class ScheduleConfig
{
    internal void Validate(List<string> errors)
    {
        _ = errors;
    }
}
