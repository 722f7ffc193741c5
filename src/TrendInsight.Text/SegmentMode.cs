namespace TrendInsight.Text;

/// <summary>How the segmenter cuts text, as jieba's <c>cut</c> and <c>cut_for_search</c>.</summary>
public enum SegmentMode
{
    /// <summary>jieba's precise mode (<c>jieba.cut(s)</c>): the most probable segmentation.</summary>
    Precise = 0,

    /// <summary>
    /// jieba's search mode (<c>jieba.cut_for_search(s)</c>): precise mode plus the dictionary words of
    /// two and three characters inside longer words, each before the word that holds it.
    /// </summary>
    Search = 1,
}
