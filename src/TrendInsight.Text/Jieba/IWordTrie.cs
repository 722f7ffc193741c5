namespace TrendInsight.Text.Jieba;

/// <summary>
/// jieba's prefix dictionary (<c>FREQ</c>): every word and every prefix of a word is a node; a prefix
/// that is not itself a word has frequency 0. Implemented by the frozen flat trie used for segmentation
/// and by the mutable trie used while user words are added.
/// </summary>
internal interface IWordTrie
{
    /// <summary>The node of a one-character key, or -1.</summary>
    int Root(char c);

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="c"/>, or -1.</summary>
    int Child(int node, char c);

    /// <summary>The word's frequency; 0 for a prefix that is not a word.</summary>
    long Frequency(int node);

    /// <summary><c>log(freq) - log(total)</c> for a node with a positive frequency.</summary>
    double Weight(int node);

    /// <summary><c>log(1) - log(total)</c>: the weight of a character that is not a word.</summary>
    double UnknownWeight { get; }

    /// <summary>True when user words of frequency 0 must be split into characters after HMM.</summary>
    bool IsForceSplit(ReadOnlySpan<char> word);
}
