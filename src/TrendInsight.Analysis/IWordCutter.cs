namespace TrendInsight.Analysis;

/// <summary>Cuts normalised text into words (jieba); implemented over the Text stage's segmenter.</summary>
internal interface IWordCutter
{
    /// <summary>The words of <paramref name="text"/>, in order, in precise or search mode.</summary>
    IEnumerable<string> Cut(string text, bool searchMode);
}
