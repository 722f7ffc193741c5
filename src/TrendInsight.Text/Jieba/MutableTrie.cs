using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TrendInsight.Core;

namespace TrendInsight.Text.Jieba;

/// <summary>
/// jieba's <c>FREQ</c> table while it is being loaded: the main dictionary, then user words added one
/// at a time with jieba's exact rules (<c>gen_pfdict</c>, <c>load_userdict</c>, <c>add_word</c>,
/// <c>suggest_freq</c>). Frozen into a <see cref="FlatTrie"/> once loading is done.
/// </summary>
internal sealed partial class MutableTrie
{
    private readonly Dictionary<long, int> _edges = new(600_000);
    private readonly List<long> _frequency = new(600_000) { 0 };
    private readonly HashSet<string> _forceSplit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);
    private readonly List<(string Word, long Freq)> _upperCaseWords = [];

    /// <summary>Sum of all frequencies (jieba's <c>total</c>; user words add to it, as in jieba).</summary>
    public long Total { get; private set; }

    public int NodeCount => _frequency.Count;

    public IReadOnlyDictionary<string, string> Tags => _tags;

    public IReadOnlySet<string> ForceSplit => _forceSplit;

    /// <summary>Reads a main dictionary (<c>word freq [tag]</c> per line), like jieba's <c>gen_pfdict</c>.</summary>
    public void LoadMain(string path)
    {
        AssetLocator.Require(path);
        var bytes = File.ReadAllBytes(path);
        var text = bytes.AsSpan();
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        var utf8 = new UTF8Encoding(false, true);
        Span<char> word = stackalloc char[256];
        var lineNumber = 0;
        while (!text.IsEmpty)
        {
            lineNumber++;
            var newline = text.IndexOf((byte)'\n');
            var line = (newline < 0 ? text : text[..newline]).Trim(" \t\r\f\v"u8);
            text = newline < 0 ? [] : text[(newline + 1)..];
            var space = line.IndexOf((byte)' ');
            if (space <= 0)
            {
                throw new TrendInsightException($"{path}:{lineNumber}: invalid dictionary entry '{Encoding.UTF8.GetString(line)}' (expected 'word freq [tag]').");
            }

            var rest = line[(space + 1)..];
            var next = rest.IndexOf((byte)' ');
            var freqText = next < 0 ? rest : rest[..next];
            if (!System.Buffers.Text.Utf8Parser.TryParse(freqText, out long freq, out var consumed) || consumed != freqText.Length || freq < 0)
            {
                throw new TrendInsightException($"{path}:{lineNumber}: invalid frequency '{Encoding.UTF8.GetString(freqText)}'.");
            }

            int chars;
            try
            {
                chars = space <= word.Length ? utf8.GetChars(line[..space], word) : -1;
            }
            catch (DecoderFallbackException ex)
            {
                throw new TrendInsightException($"{path}:{lineNumber}: dictionary is not UTF-8.", inner: ex);
            }

            if (chars < 0)
            {
                throw new TrendInsightException($"{path}:{lineNumber}: word longer than {word.Length} bytes.");
            }

            // As jieba's gen_pfdict: a repeated word keeps its last frequency but counts in total twice.
            var entry = word[..chars];
            var node = Insert(entry);
            _frequency[node] = freq;
            if (entry.ContainsAnyInRange('A', 'Z'))
            {
                _upperCaseWords.Add((entry.ToString(), freq));
            }

            Total += freq;
        }
    }

    /// <summary>
    /// Reads a user dictionary (<c>word [freq] [tag]</c> per line, jieba's <c>load_userdict</c>):
    /// a missing frequency is what <c>suggest_freq</c> gives so the word is cut out as one.
    /// </summary>
    public void LoadUser(string path)
    {
        AssetLocator.Require(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path, new UTF8Encoding(false, true));
        }
        catch (DecoderFallbackException ex)
        {
            throw new TrendInsightException($"{path}: user dictionary must be UTF-8.", inner: ex);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var (word, freq, tag) = ParseUserLine(line);
            AddWord(word, freq, tag);
        }
    }

    /// <summary>Splits a user dictionary line as jieba's <c>re_userdict</c> does.</summary>
    public static (string Word, long? Freq, string? Tag) ParseUserLine(string line)
    {
        var m = UserDictLine().Match(line);
        var word = m.Groups[1].Value;
        long? freq = m.Groups[2].Success
            ? long.Parse(m.Groups[2].Value.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
        var tag = m.Groups[3].Success ? m.Groups[3].Value.Trim() : null;
        return (word, freq, tag);
    }

    /// <summary>jieba's <c>add_word</c>.</summary>
    public void AddWord(string word, long? freq, string? tag)
    {
        if (word.Length == 0)
        {
            return;
        }

        var value = freq ?? SuggestFreq(word);
        var node = Insert(word);
        _frequency[node] = value;
        Total += value;
        if (!string.IsNullOrEmpty(tag))
        {
            _tags[word] = tag;
        }

        if (value == 0)
        {
            _forceSplit.Add(word);
        }
    }

    /// <summary>jieba's <c>suggest_freq(word, tune=False)</c>: just enough to keep the word whole.</summary>
    public long SuggestFreq(string word)
    {
        var total = (double)Total;
        var tokens = new List<Token>();
        var view = new View(this);
        JiebaCore.Cut(view, hmm: null, word, tokens, SegmentMode.Precise);
        var freq = 1.0;
        foreach (var t in tokens)
        {
            freq *= GetOrDefault(word.AsSpan(t.Start, t.Length), 1) / total;
        }

        return Math.Max((long)(freq * Total) + 1, GetOrDefault(word, 1));
    }

    public FlatTrie Freeze() => FlatTrie.Build(this);

    /// <summary>
    /// Adds a lower-case twin (with the same frequency) of every word holding upper-case Latin letters
    /// (T恤, AA制, 卡拉OK), because normalised text is lower-cased and would otherwise never match them.
    /// </summary>
    public int AddLowerCaseTwins()
    {
        var added = 0;
        foreach (var (word, freq) in _upperCaseWords)
        {
            var lower = word.ToLowerInvariant();
            if (GetOrDefault(lower, 0) == 0)
            {
                AddWord(lower, freq, tag: null);
                added++;
            }
        }

        return added;
    }

    /// <summary>The parent-and-character edges, for freezing.</summary>
    internal Dictionary<long, int> Edges => _edges;

    internal List<long> Frequencies => _frequency;

    private long GetOrDefault(ReadOnlySpan<char> word, long fallback)
    {
        var node = 0;
        foreach (var c in word)
        {
            if (!_edges.TryGetValue(Key(node, c), out node))
            {
                return fallback;
            }
        }

        return _frequency[node];
    }

    private int Insert(ReadOnlySpan<char> word)
    {
        var node = 0;
        foreach (var c in word)
        {
            var key = Key(node, c);
            if (!_edges.TryGetValue(key, out var child))
            {
                child = _frequency.Count;
                _frequency.Add(0);
                _edges.Add(key, child);
            }

            node = child;
        }

        return node;
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;

    [GeneratedRegex(@"^(.+?)( [0-9]+)?( [a-z]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex UserDictLine();

    /// <summary>The mutable table seen through <see cref="IWordTrie"/> (for <c>suggest_freq</c>'s cut).</summary>
    internal readonly struct View : IWordTrie
    {
        private readonly MutableTrie _trie;
        private readonly double _logTotal;

        public View(MutableTrie trie)
        {
            _trie = trie;
            _logTotal = Math.Log(trie.Total);
        }

        public double UnknownWeight => Math.Log(1) - _logTotal;

        public int Root(char c) => Child(0, c);

        public int Child(int node, char c) => _trie._edges.TryGetValue(Key(node, c), out var child) ? child : -1;

        public long Frequency(int node) => _trie._frequency[node];

        public double Weight(int node) => Math.Log(_trie._frequency[node]) - _logTotal;

        public bool IsForceSplit(ReadOnlySpan<char> word) =>
            _trie._forceSplit.Count > 0 && _trie._forceSplit.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }
}
