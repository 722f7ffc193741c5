using System.Globalization;
using System.Text;
using TrendInsight.Core;

namespace TrendInsight.Text;

/// <summary>
/// TF-IDF keywords as jieba's <c>jieba.analyse.extract_tags</c>: words of two or more characters
/// that are not stop words, weighted by their share of the document's words times their IDF; a word
/// without an IDF gets the median IDF. The IDF is jieba's <c>idf.txt</c> or one computed from a corpus.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class KeywordExtractor
{
    private readonly JiebaSegmenter _segmenter;
    private readonly StopWords _stopWords;
    private readonly Dictionary<string, double> _idf;
    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _idfLookup;

    private KeywordExtractor(JiebaSegmenter segmenter, StopWords stopWords, Dictionary<string, double> idf, double medianIdf)
    {
        _segmenter = segmenter;
        _stopWords = stopWords;
        _idf = idf;
        _idfLookup = idf.GetAlternateLookup<ReadOnlySpan<char>>();
        MedianIdf = medianIdf;
    }

    /// <summary>jieba's IDF table (<c>idf.txt</c>) from the jieba.NET package.</summary>
    public static string DefaultIdfPath => JiebaData.IdfPath;

    /// <summary>The IDF given to words the table does not have (jieba's <c>median_idf</c>).</summary>
    public double MedianIdf { get; }

    /// <summary>How many words the IDF table has.</summary>
    public int IdfCount => _idf.Count;

    /// <summary>Reads an IDF table (<c>word idf</c> lines); default jieba's <c>idf.txt</c>.</summary>
    public static KeywordExtractor Load(JiebaSegmenter segmenter, StopWords stopWords, string? idfPath = null)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(stopWords);
        var file = AssetLocator.Require(idfPath ?? DefaultIdfPath);
        var idf = new Dictionary<string, double>(300_000, StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file, new UTF8Encoding(false, true)))
        {
            lineNumber++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty)
            {
                continue;
            }

            var space = span.LastIndexOf(' ');
            if (space <= 0 || !double.TryParse(span[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new TrendInsightException($"{file}:{lineNumber}: expected 'word idf', found '{line}'.");
            }

            idf[span[..space].ToString()] = value;
        }

        if (idf.Count == 0)
        {
            throw new TrendInsightException($"{file}: the IDF table is empty.");
        }

        var sorted = idf.Values.Order().ToArray();
        return new KeywordExtractor(segmenter, stopWords, idf, sorted[sorted.Length / 2]);
    }

    /// <summary>
    /// An extractor whose IDF comes from <paramref name="documents"/>: <c>idf(w) = ln((N + 1) / (df(w) + 1)) + 1</c>
    /// over the documents' candidate words; a word the corpus lacks gets <c>ln(N + 1) + 1</c>, the IDF of a word
    /// seen in no document.
    /// </summary>
    public static KeywordExtractor FromCorpus(JiebaSegmenter segmenter, StopWords stopWords, IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(stopWords);
        ArgumentNullException.ThrowIfNull(documents);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = df.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokens = new List<Token>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenLookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        var n = 0;
        foreach (var doc in documents)
        {
            n++;
            tokens.Clear();
            seen.Clear();
            segmenter.Cut(doc, tokens);
            foreach (var t in tokens)
            {
                var word = doc.AsSpan(t.Start, t.Length);
                if (IsCandidate(word, stopWords) && seenLookup.Add(word))
                {
                    lookup[word] = lookup.TryGetValue(word, out var c) ? c + 1 : 1;
                }
            }
        }

        var idf = df.ToDictionary(p => p.Key, p => Math.Log((n + 1.0) / (p.Value + 1.0)) + 1.0, StringComparer.Ordinal);
        return new KeywordExtractor(segmenter, stopWords, idf, Math.Log(n + 1.0) + 1.0);
    }

    /// <summary>The IDF of a word (the median or unseen-word IDF when the table lacks it).</summary>
    public double Idf(ReadOnlySpan<char> word) => _idfLookup.TryGetValue(word, out var v) ? v : MedianIdf;

    /// <summary>The top <paramref name="top"/> keywords of <paramref name="text"/>, heaviest first (ties in order of first appearance).</summary>
    public IReadOnlyList<Keyword> Extract(string text, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        _segmenter.Cut(text, tokens);
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var total = 0;
        foreach (var t in tokens)
        {
            var word = text.AsSpan(t.Start, t.Length);
            if (CodePoints(word.Trim()) < 2 || _stopWords.Contains(word))
            {
                continue;
            }

            // jieba counts punctuation runs such as "..." in the total; they are never keywords here.
            total++;
            if (!_stopWords.IsTermCandidate(word))
            {
                continue;
            }

            lookup[word] = lookup.TryGetValue(word, out var c) ? (c.Count + 1, c.First) : (1, counts.Count);
        }

        return counts
            .Select(p => (p.Key, Weight: p.Value.Count * (Idf(p.Key) / total), p.Value.First))
            .OrderByDescending(p => p.Weight)
            .ThenBy(p => p.First)
            .Take(top)
            .Select(p => new Keyword(p.Key, p.Weight))
            .ToList();
    }

    private static bool IsCandidate(ReadOnlySpan<char> word, StopWords stopWords) =>
        CodePoints(word.Trim()) >= 2 && stopWords.IsTermCandidate(word);

    /// <summary>Python's <c>len</c>: an emoji outside the BMP is one character.</summary>
    private static int CodePoints(ReadOnlySpan<char> word)
    {
        var n = word.Length;
        foreach (var c in word)
        {
            if (char.IsLowSurrogate(c))
            {
                n--;
            }
        }

        return n;
    }
}
