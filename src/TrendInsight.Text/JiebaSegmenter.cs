using System.Diagnostics;
using TrendInsight.Core;
using TrendInsight.Text.Jieba;

namespace TrendInsight.Text;

/// <summary>
/// Chinese word segmentation with jieba 0.42.1's algorithm on jieba's own data (from the jieba.NET
/// package, <see cref="JiebaData"/>): prefix dictionary → DAG → maximum-probability route over log
/// frequencies → HMM (B/E/M/S Viterbi) for runs of single characters that are not words. Precise and
/// search modes give what <c>jieba.cut</c> and <c>jieba.cut_for_search</c> give, except that no word
/// begins or ends inside a run of ASCII letters and digits.
/// </summary>
/// <remarks>
/// Load once with <see cref="Load(SegmenterOptions)"/> and share: the dictionary is immutable after
/// loading and every method is safe to call from many threads at once.
/// </remarks>
public sealed class JiebaSegmenter
{
    private readonly FlatTrie _trie;
    private readonly HmmModel _hmm;

    private JiebaSegmenter(FlatTrie trie, HmmModel hmm, IReadOnlyDictionary<string, string> tags, string dictionarySource, TimeSpan loadTime)
    {
        _trie = trie;
        _hmm = hmm;
        UserTags = tags;
        DictionarySource = dictionarySource;
        LoadTime = loadTime;
    }

    /// <summary>The main dictionary file that was read.</summary>
    public string DictionarySource { get; }

    /// <summary>The HMM model that was read.</summary>
    public string HmmSource => _hmm.Source;

    /// <summary>How long <see cref="Load(SegmenterOptions)"/> took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>True when the dictionary was read from <see cref="SegmenterOptions.CacheFolder"/> rather than parsed.</summary>
    public bool LoadedFromCache { get; private init; }

    /// <summary>jieba's <c>total</c>: the sum of all frequencies.</summary>
    public long Total => _trie.Total;

    /// <summary>Types (tags) given to user words, by word.</summary>
    public IReadOnlyDictionary<string, string> UserTags { get; }

    /// <summary>Bytes held by the frozen dictionary arrays (for the benchmark).</summary>
    public long DictionaryBytes => _trie.ApproximateBytes;

    /// <summary>jieba's data (and nothing else) from the default locations.</summary>
    public static JiebaSegmenter Load() => Load(SegmenterOptions.JiebaOnly);

    /// <summary>jieba's data plus the domain lexicon in <c>pipelines/lexicon/</c> as a user dictionary.</summary>
    public static JiebaSegmenter LoadWithDomainLexicon(IReadOnlyList<string>? userDictionaries = null) =>
        Load(new SegmenterOptions
        {
            Lexicon = Lexicon.Load(Lexicon.DefaultFolder),
            UserDictionaries = userDictionaries ?? [],
        });

    /// <summary>
    /// Loads the dictionaries and the HMM model; fails loudly when a file is missing or malformed. With
    /// <see cref="SegmenterOptions.CacheFolder"/>, the loaded dictionary is read from there when a cache of
    /// the same inputs is there, and written there when not.
    /// </summary>
    public static JiebaSegmenter Load(SegmenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var dictionary = options.DictionaryPath ?? JiebaData.DictionaryPath;
        // the cache holds the arrays as this machine lays them out
        if (options.CacheFolder is not { } cacheFolder || !BitConverter.IsLittleEndian)
        {
            var (trie, tags, hmm) = Build(options, dictionary);
            return new JiebaSegmenter(trie, hmm, tags, dictionary, watch.Elapsed);
        }

        var key = DictionaryCache.Key(options, dictionary, HmmFiles(options.HmmModelPath));
        if (DictionaryCache.TryRead(cacheFolder, key, options.HmmModelPath ?? JiebaData.Folder) is { } cached)
        {
            return new JiebaSegmenter(cached.Trie, cached.Hmm, cached.Tags, dictionary, watch.Elapsed) { LoadedFromCache = true };
        }

        var built = Build(options, dictionary);
        try
        {
            DictionaryCache.Write(cacheFolder, key, new DictionaryCache.Entry(built.Trie, built.Tags, built.Hmm));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache only saves the next load its parsing (a full disk, a read-only folder, a temporary file another
            // process took for abandoned): this load has its dictionary, and the next one writes the cache again.
        }

        return new JiebaSegmenter(built.Trie, built.Hmm, built.Tags, dictionary, watch.Elapsed);
    }

    /// <summary>Segments <paramref name="text"/> into words (jieba's <c>lcut</c> / <c>lcut_for_search</c>).</summary>
    public List<string> Cut(string text, SegmentMode mode = SegmentMode.Precise, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        Cut(text, tokens, mode, hmm);
        var words = new List<string>(tokens.Count);
        foreach (var t in tokens)
        {
            words.Add(text.Substring(t.Start, t.Length));
        }

        return words;
    }

    /// <summary>
    /// Appends the words of <paramref name="text"/> to <paramref name="tokens"/> as offsets into it: the
    /// allocation-free form for counting. Whitespace comes back as tokens, as in jieba.
    /// </summary>
    public void Cut(ReadOnlySpan<char> text, List<Token> tokens, SegmentMode mode = SegmentMode.Precise, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        JiebaCore.Cut(new FlatTrie.View(_trie), hmm ? _hmm : null, text, tokens, mode);
    }

    /// <summary>The word's frequency in the dictionary; 0 when it is not a word (only a prefix, or unknown).</summary>
    public long Frequency(ReadOnlySpan<char> word) => _trie.FrequencyOf(word);

    /// <summary>True when <paramref name="word"/> is a dictionary word (frequency above 0).</summary>
    public bool Contains(ReadOnlySpan<char> word) => _trie.FrequencyOf(word) > 0;

    private static (FlatTrie Trie, Dictionary<string, string> Tags, HmmModel Hmm) Build(SegmenterOptions options, string dictionary)
    {
        var hmm = LoadHmm(options.HmmModelPath);
        var trie = new MutableTrie();
        trie.LoadMain(dictionary);
        if (options.LowerCaseTwins)
        {
            trie.AddLowerCaseTwins();
        }

        if (options.Lexicon is { } lexicon)
        {
            foreach (var entry in lexicon.Entries)
            {
                trie.AddWord(entry.Word, entry.Frequency, entry.TypeName);
            }
        }

        foreach (var user in options.UserDictionaries)
        {
            trie.LoadUser(user);
        }

        return (trie.Freeze(), new Dictionary<string, string>(trie.Tags, StringComparer.Ordinal), hmm);
    }

    /// <summary>The files <see cref="LoadHmm"/> reads.</summary>
    private static string[] HmmFiles(string? folder)
    {
        if (folder is null)
        {
            return [JiebaData.HmmTransitionPath, JiebaData.HmmEmissionPath];
        }

        return HmmModel.HasPythonTables(folder) ? HmmModel.PythonFiles(folder) : HmmModel.JsonFiles(folder);
    }

    private static HmmModel LoadHmm(string? folder)
    {
        if (folder is null)
        {
            JiebaData.Require("prob_emit.json");
            return HmmModel.LoadJson(JiebaData.Folder);
        }

        return HmmModel.HasPythonTables(folder) ? HmmModel.LoadPython(folder) : HmmModel.LoadJson(folder);
    }
}
