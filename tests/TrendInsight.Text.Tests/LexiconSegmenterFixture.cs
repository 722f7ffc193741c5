namespace TrendInsight.Text.Tests;

/// <summary>jieba's data plus the lexicon snapshot in TestData/golden/lexicon as a user dictionary.</summary>
public sealed class LexiconSegmenterFixture
{
    public Lexicon Lexicon { get; } = Lexicon.Load(SegmenterFixture.TestData("golden", "lexicon"));

    public JiebaSegmenter Segmenter { get; }

    public LexiconSegmenterFixture() =>
        Segmenter = JiebaSegmenter.Load(new SegmenterOptions { Lexicon = Lexicon });
}
