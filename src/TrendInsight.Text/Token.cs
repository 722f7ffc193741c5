namespace TrendInsight.Text;

/// <summary>A word found by the segmenter: a slice of the input text (UTF-16 offsets).</summary>
/// <param name="Start">Offset of the first character in the segmented text.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
public readonly record struct Token(int Start, int Length)
{
    /// <summary>The offset just past the word.</summary>
    public int End => Start + Length;
}
