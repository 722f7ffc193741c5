using TrendInsight.Core.Config;
using TrendInsight.Text;

namespace TrendInsight.Analysis;

/// <summary>
/// Loads, once and explicitly, what segmentation needs: jieba as the pipeline loads it
/// (<see cref="SegmenterOptions.ForPipeline(TextConfig)"/>: lower-case twins, the domain lexicon, the configured
/// user dictionaries of accepted new words), and the stop words (jieba's, <c>text.extra_stop_words</c>
/// and the lexicon's chatter phrases).
/// </summary>
internal static class TextResources
{
    /// <summary><c>pipelines/lexicon/</c> of this installation.</summary>
    public static string DefaultLexiconFolder => Lexicon.DefaultFolder;

    /// <summary>
    /// The term extractor of the pipeline; with <paramref name="cacheFolder"/>, the loaded dictionary is kept
    /// there and read from there next time (<see cref="SegmenterOptions.CacheFolder"/>).
    /// </summary>
    public static TermExtractor LoadExtractor(TextConfig text, string lexiconFolder, string? cacheFolder = null)
    {
        var lexicon = Lexicon.Load(lexiconFolder);
        // the pipeline's options (user dictionaries from text.user_dictionaries, lower-case twins of
        // jieba's Latin words such as T恤 → t恤), with the lexicon of this installation or test
        var options = SegmenterOptions.ForPipeline(text, lexicon) with { CacheFolder = cacheFolder };
        var userDictionaries = options.UserDictionaries;
        var segmenter = JiebaSegmenter.Load(options);
        // Chatter phrases are cut out whole by the segmenter and then dropped like stop words.
        var types = lexicon.Entries.Where(e => e.Type != LexiconType.Chatter).ToDictionary(e => e.Word, e => e.TypeName, StringComparer.Ordinal);
        var stopWords = StopWords.Load(extra: [.. text.ExtraStopWords, .. lexicon.OfType(LexiconType.Chatter).Select(e => e.Word)]);
        return new TermExtractor(new JiebaWordCutter(segmenter), stopWords, types, DiscoveredWords(userDictionaries), lexicon.Synonyms);
    }

    /// <summary>The words of jieba user dictionaries (<c>word [freq] [tag]</c> lines), lower-cased like normalised text.</summary>
    public static HashSet<string> DiscoveredWords(IEnumerable<string> userDictionaries)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in userDictionaries)
        {
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var line in File.ReadLines(path))
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                var end = trimmed.IndexOfAny([' ', '\t']);
                var word = end < 0 ? trimmed : trimmed[..end];
                words.Add(word);
                words.Add(word.ToLowerInvariant());
            }
        }

        return words;
    }
}
