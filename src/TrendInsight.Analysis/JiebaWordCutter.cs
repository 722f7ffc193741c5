using TrendInsight.Text;

namespace TrendInsight.Analysis;

/// <summary>The Text stage's jieba segmenter behind <see cref="IWordCutter"/>.</summary>
internal sealed class JiebaWordCutter : IWordCutter
{
    private readonly JiebaSegmenter _segmenter;

    public JiebaWordCutter(JiebaSegmenter segmenter)
    {
        _segmenter = segmenter;
    }

    public JiebaSegmenter Segmenter => _segmenter;

    public IEnumerable<string> Cut(string text, bool searchMode) =>
        _segmenter.Cut(text, searchMode ? SegmentMode.Search : SegmentMode.Precise);
}
