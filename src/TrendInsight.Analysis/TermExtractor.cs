using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TrendInsight.Text;

namespace TrendInsight.Analysis;

/// <summary>
/// Turns one document's normalised text into the distinct terms that are counted: the segmenter's
/// words minus stop words, punctuation, digits-only tokens, emoji and single characters that are not
/// lexicon words. Search queries are counted by their precise-mode words; the extra sub-words that
/// search mode cuts out of longer words (拉德 of 美拉德, 工人 of 打工人) are added only when the sub-word
/// is itself a known term: a lexicon word or a discovered word from the user dictionaries. A word the
/// lexicon lists as a synonym is counted as its canonical term (城市漫步 as citywalk).
/// Thread-safe when the cutter is.
/// </summary>
internal sealed partial class TermExtractor
{
    private readonly IWordCutter _cutter;
    private readonly StopWords _stopWords;
    private readonly IReadOnlyDictionary<string, string> _types;
    private readonly IReadOnlySet<string> _discovered;
    private readonly IReadOnlyDictionary<string, string> _synonyms;

    public TermExtractor(
        IWordCutter cutter,
        StopWords stopWords,
        IReadOnlyDictionary<string, string> termTypes,
        IReadOnlySet<string>? discoveredWords = null,
        IReadOnlyDictionary<string, string>? synonyms = null)
    {
        _cutter = cutter;
        _stopWords = stopWords;
        _types = termTypes;
        _discovered = discoveredWords ?? new HashSet<string>(StringComparer.Ordinal);
        _synonyms = synonyms ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="word"/> is a lexicon word or a discovered word (user dictionaries).</summary>
    public bool IsKnownTerm(string word) => _types.ContainsKey(word) || _discovered.Contains(word);

    /// <summary>The stop words terms are filtered with.</summary>
    public StopWords StopWords => _stopWords;

    /// <summary>The jieba segmenter behind the cutter, when it is one.</summary>
    public JiebaSegmenter? Segmenter => (_cutter as JiebaWordCutter)?.Segmenter;

    /// <summary>The lexicon type of a term (style, material, colour, scene, category, crowd), or null.</summary>
    public string? TypeOf(string term) => _types.GetValueOrDefault(term);

    /// <summary>Adds the distinct counted terms of <paramref name="text"/> to <paramref name="into"/>.</summary>
    public void Extract(string? text, bool searchMode, HashSet<string> into)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (text.Contains('<', StringComparison.Ordinal))
        {
            // comments carry HTML fragments (<br>, <b>…</b>): tags are markup, not words
            text = HtmlTag().Replace(text, " ");
        }

        foreach (var raw in _cutter.Cut(text, searchMode: false))
        {
            var word = raw.Trim();
            if (IsCounted(word))
            {
                into.Add(_synonyms.GetValueOrDefault(word, word));
            }
        }

        if (!searchMode)
        {
            return;
        }

        // search mode: only sub-words that are terms in their own right add to the precise words
        foreach (var raw in _cutter.Cut(text, searchMode: true))
        {
            var word = raw.Trim();
            if (IsKnownTerm(word) && IsCounted(word))
            {
                into.Add(_synonyms.GetValueOrDefault(word, word));
            }
        }
    }

    /// <summary>Whether a segmenter word is counted as a term.</summary>
    public bool IsCounted(string word)
    {
        if (word.Length == 0 || _stopWords.Contains(word.AsSpan()))
        {
            return false;
        }

        if (_types.ContainsKey(word))
        {
            return true;
        }

        var letters = 0;
        var cjk = 0;
        foreach (var rune in word.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (IsCjk(rune.Value))
            {
                cjk++;
            }
            else if (category is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter or UnicodeCategory.OtherLetter)
            {
                letters++;
            }
            else if (category is not (UnicodeCategory.DecimalDigitNumber or UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation))
            {
                // punctuation, symbols, emoji, spaces: a token holding them is not a term
                return false;
            }
        }

        return cjk >= 2 || (cjk == 0 && letters >= 2) || (cjk == 1 && letters >= 1);
    }

    private static bool IsCjk(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2FA1F) or (>= 0xF900 and <= 0xFAFF);

    [GeneratedRegex("<[^<>]{0,200}>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();
}
