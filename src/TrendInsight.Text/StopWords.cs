using System.Collections.Frozen;
using System.Text;
using TrendInsight.Core;

namespace TrendInsight.Text;

/// <summary>
/// Words never counted as terms: jieba.NET's <c>stopwords.txt</c>
/// plus a domain list (<c>text.extra_stop_words</c>). Compared after lower-casing, as jieba's TF-IDF does.
/// </summary>
public sealed class StopWords
{
    /// <summary>The English words jieba's TF-IDF always treats as stop words (<c>KeywordExtractor.STOP_WORDS</c>).</summary>
    private static readonly string[] JiebaEnglish =
    [
        "the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be", "as", "on", "with",
        "can", "if", "from", "which", "you", "it", "this", "then", "at", "have", "all", "not", "one", "has", "or",
    ];

    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private StopWords(IEnumerable<string> words)
    {
        _words = words.ToFrozenSet(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>jieba.NET's stop-word file (<c>stopwords.txt</c>).</summary>
    public static string DefaultPath => JiebaData.StopWordsPath;

    /// <summary>How many stop words there are.</summary>
    public int Count => _words.Count;

    /// <summary>
    /// Reads a stop-word file (one word a line), adds jieba's built-in English stop words and
    /// <paramref name="extra"/>.
    /// </summary>
    public static StopWords Load(string? path = null, IEnumerable<string>? extra = null)
    {
        var file = AssetLocator.Require(path ?? DefaultPath);
        var words = new List<string>();
        foreach (var line in File.ReadLines(file, new UTF8Encoding(false, true)))
        {
            var word = line.Trim();
            if (word.Length > 0)
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        if (words.Count == 0)
        {
            throw new TrendInsightException($"{file}: no stop words in the file.");
        }

        words.AddRange(JiebaEnglish);
        words.AddRange((extra ?? []).Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0));
        return new StopWords(words);
    }

    /// <summary>A list given in code (tests, tools).</summary>
    public static StopWords From(IEnumerable<string> words) => new(words.Select(w => w.ToLowerInvariant()));

    /// <summary>True when <paramref name="word"/> (lower-cased) is a stop word.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (_lookup.Contains(word))
        {
            return true;
        }

        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
                word.ToLowerInvariant(lower);
                return _lookup.Contains(lower);
            }
        }

        return false;
    }

    /// <summary>
    /// True when a token can be a term at all: it holds a letter or digit (so emoji, punctuation and
    /// whitespace never count) and it is not a stop word.
    /// </summary>
    public bool IsTermCandidate(ReadOnlySpan<char> word)
    {
        var hasLetter = false;
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                hasLetter = true;
                break;
            }
        }

        return hasLetter && !Contains(word);
    }
}
