namespace TrendInsight.Text.Tests;

/// <summary>One normaliser for a test class: OpenCC is loaded once, as in production.</summary>
public sealed class NormalizerFixture : IDisposable
{
    public TextNormalizer Normalizer { get; } = TextNormalizer.Create();

    public void Dispose() => Normalizer.Dispose();
}
