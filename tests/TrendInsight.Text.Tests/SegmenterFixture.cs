namespace TrendInsight.Text.Tests;

/// <summary>jieba's own data loaded once for a test class, as the pipeline loads it once per process.</summary>
public sealed class SegmenterFixture
{
    public JiebaSegmenter Segmenter { get; } = JiebaSegmenter.Load();

    public static string TestData(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
