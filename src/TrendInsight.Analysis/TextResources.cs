using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Text;

namespace TrendInsight.Analysis;

/// <summary>
/// Loads, once and explicitly, what segmentation needs: jieba with the domain lexicon and the
/// configured user dictionaries (accepted new words), and the stop words.
/// </summary>
internal static class TextResources
{
    /// <summary><c>pipelines/lexicon/</c> of this installation.</summary>
    public static string DefaultLexiconFolder => Lexicon.DefaultFolder;

    public static TermExtractor LoadExtractor(TextConfig text, string lexiconFolder)
    {
        var lexicon = Lexicon.Load(lexiconFolder);
        var userDictionaries = text.ResolveUserDictionaries(AssetLocator.Root);
        var segmenter = JiebaSegmenter.Load(new SegmenterOptions
        {
            Lexicon = lexicon,
            UserDictionaries = userDictionaries,
        });
        var types = lexicon.Entries.ToDictionary(e => e.Word, e => e.TypeName, StringComparer.Ordinal);
        var stopWords = StopWords.Load(extra: text.ExtraStopWords);
        return new TermExtractor(new JiebaWordCutter(segmenter), stopWords, types, DiscoveredWords(userDictionaries));
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
