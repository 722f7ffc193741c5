using System.Text;
using TrendInsight.Core;
using TrendInsight.Text;

namespace TrendInsight.Analysis;

/// <summary>Loads, once and explicitly, what segmentation needs: jieba with the domain lexicon, stop words.</summary>
internal static class TextResources
{
    /// <summary>jieba's stop-word list shipped with the pinned nodejieba package.</summary>
    public static string StopWordsPath => Path.Combine(AssetLocator.JiebaDictionaryFolder, "stop_words.utf8");

    public static TermExtractor LoadExtractor() => LoadExtractor(Lexicon.DefaultFolder);

    public static TermExtractor LoadExtractor(string lexiconFolder)
    {
        var lexicon = Lexicon.Load(lexiconFolder);
        var segmenter = JiebaSegmenter.Load(new SegmenterOptions { Lexicon = lexicon });
        var types = lexicon.Entries.ToDictionary(e => e.Word, e => e.TypeName, StringComparer.Ordinal);
        return new TermExtractor(new JiebaWordCutter(segmenter), LoadStopWords(StopWordsPath), types);
    }

    public static HashSet<string> LoadStopWords(string path)
    {
        var file = AssetLocator.Require(path);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(file, new UTF8Encoding(false, true)))
        {
            var word = line.Trim();
            if (word.Length > 0)
            {
                words.Add(word);
            }
        }

        if (words.Count == 0)
        {
            throw new TrendInsightException($"{file}: no stop words");
        }

        return words;
    }
}
