namespace TrendInsight.Text;

/// <summary>One word of the domain lexicon.</summary>
/// <param name="Word">The word in normalised form (simplified, Latin lower case).</param>
/// <param name="Type">What the word names.</param>
/// <param name="Frequency">Its frequency for the segmenter, or null for jieba's suggested frequency.</param>
/// <param name="Source">Where it was read, as <c>file:line</c>.</param>
public sealed record LexiconEntry(string Word, LexiconType Type, long? Frequency, string Source)
{
    /// <summary>The type as written in the lexicon files and used as the jieba tag (<c>style</c>, <c>colour</c> …).</summary>
    public string TypeName => Lexicon.TypeName(Type);
}
