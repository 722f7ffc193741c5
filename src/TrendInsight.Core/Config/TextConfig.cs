namespace TrendInsight.Core.Config;

/// <summary>The <c>text:</c> section of <c>pipelines/trendinsight.yaml</c>.</summary>
public sealed class TextConfig
{
    internal void Validate(List<string> errors)
    {
        _ = errors;
    }
}
