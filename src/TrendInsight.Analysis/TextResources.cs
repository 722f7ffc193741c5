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
        var segmenter = JiebaSegmenter.Load(new SegmenterOptions
        {
            Lexicon = lexicon,
            UserDictionaries = text.ResolveUserDictionaries(AssetLocator.Root),
        });
        var types = lexicon.Entries.ToDictionary(e => e.Word, e => e.TypeName, StringComparer.Ordinal);
        var stopWords = StopWords.Load(extra: text.ExtraStopWords);
        return new TermExtractor(new JiebaWordCutter(segmenter), stopWords, types);
    }
}
