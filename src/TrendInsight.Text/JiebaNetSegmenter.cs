using System.Diagnostics;
using TrendInsight.Core;
using TrendInsight.Text.Jieba;
using JiebaNet.Segmenter;

namespace TrendInsight.Text;

/// <summary>
/// jieba.NET's own segmenter (<c>JiebaNet.Segmenter.JiebaSegmenter</c>), the reference that
/// <c>trendinsight segment --engine jieba.net</c> and the benchmark compare with. The pipeline counts
/// with <see cref="JiebaSegmenter"/>, which gives python jieba's output on the same data, faster.
/// </summary>
/// <remarks>
/// jieba.NET keeps its dictionary in a process-wide singleton (<c>WordDictionary.Instance</c>) that it
/// reads on first use from a folder it also keeps process-wide, and a missing or broken file leaves it
/// empty without an error. So it is loaded here, explicitly and once per process: the folder is set
/// first, the files are checked, and an empty dictionary fails. Words added (lexicon, user
/// dictionaries) stay in that singleton for the life of the process.
/// </remarks>
public sealed class JiebaNetSegmenter
{
    private static readonly Lock Gate = new();
    private static string? s_loadedFolder;

    private readonly JiebaNet.Segmenter.JiebaSegmenter _segmenter;

    private JiebaNetSegmenter(JiebaNet.Segmenter.JiebaSegmenter segmenter, string folder, TimeSpan loadTime)
    {
        _segmenter = segmenter;
        Folder = folder;
        LoadTime = loadTime;
    }

    /// <summary>The folder jieba.NET read <c>dict.txt</c> and the HMM tables from.</summary>
    public string Folder { get; }

    /// <summary>How long <see cref="Load"/> took (the dictionary is read on the first load only).</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>
    /// Loads jieba.NET's dictionary and HMM from <see cref="JiebaData.Folder"/>, then adds the words of
    /// <paramref name="lexicon"/> and of <paramref name="userDictionaries"/> (<c>word [freq] [tag]</c>
    /// lines, <c>#</c> comments skipped; frequency 0 deletes the word, as jieba's <c>del_word</c>).
    /// </summary>
    /// <exception cref="TrendInsightException">A file is missing, the dictionary read empty, or jieba.NET was already loaded from another folder.</exception>
    public static JiebaNetSegmenter Load(Lexicon? lexicon = null, IReadOnlyList<string>? userDictionaries = null)
    {
        var watch = Stopwatch.StartNew();
        var folder = JiebaData.Folder;
        foreach (var file in new[] { "dict.txt", "prob_trans.json", "prob_emit.json" })
        {
            JiebaData.Require(file);
        }

        lock (Gate)
        {
            if (s_loadedFolder is null)
            {
                // read by jieba.NET's static initialisers, so it must be set before they run
                ConfigManager.ConfigFileBaseDir = folder;
                s_loadedFolder = folder;
            }
            else if (!string.Equals(s_loadedFolder, folder, StringComparison.Ordinal))
            {
                throw new TrendInsightException($"jieba.NET is already loaded from {s_loadedFolder} in this process; it cannot also load {folder}.");
            }

            var dictionary = WordDictionary.Instance;
            if (dictionary.Total <= 0 || !dictionary.ContainsWord("的"))
            {
                throw new TrendInsightException($"jieba.NET read no dictionary from {Path.Combine(folder, "dict.txt")}.");
            }

            var segmenter = new JiebaNet.Segmenter.JiebaSegmenter();
            foreach (var entry in lexicon?.Entries ?? [])
            {
                AddWord(segmenter, entry.Word, entry.Frequency, entry.TypeName);
            }

            foreach (var path in userDictionaries ?? [])
            {
                AssetLocator.Require(path);
                foreach (var raw in File.ReadLines(path))
                {
                    var line = raw.Trim().TrimStart('\uFEFF');
                    if (line.Length > 0 && !line.StartsWith('#'))
                    {
                        var (word, freq, tag) = MutableTrie.ParseUserLine(line);
                        AddWord(segmenter, word, freq, tag);
                    }
                }
            }

            return new JiebaNetSegmenter(segmenter, folder, watch.Elapsed);
        }
    }

    /// <summary>jieba.NET's <c>Cut</c> (precise) or <c>CutForSearch</c>.</summary>
    public IEnumerable<string> Cut(string text, SegmentMode mode = SegmentMode.Precise, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        return mode == SegmentMode.Search ? _segmenter.CutForSearch(text, hmm) : _segmenter.Cut(text, cutAll: false, hmm);
    }

    private static void AddWord(JiebaNet.Segmenter.JiebaSegmenter segmenter, string word, long? freq, string? tag)
    {
        if (freq == 0)
        {
            segmenter.DeleteWord(word);
        }
        else
        {
            segmenter.AddWord(word, freq is { } f ? (int)Math.Min(f, int.MaxValue) : 0, tag);
        }
    }
}
