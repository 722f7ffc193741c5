namespace TrendInsight.Text.Tests;

/// <summary>jieba's own data loaded once for a test class, as the pipeline loads it once per process.</summary>
public sealed class SegmenterFixture
{
    /// <summary>Debian python3-jieba 0.42.1, the oracle the golden files were made with.</summary>
    public const string PythonJiebaFolder = "/usr/lib/python3/dist-packages/jieba";

    public JiebaSegmenter Segmenter { get; } = JiebaSegmenter.Load();

    public static string TestData(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
