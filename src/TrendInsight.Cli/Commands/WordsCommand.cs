using System.CommandLine;
using System.Globalization;
using System.Text;
using TrendInsight.Text;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight words</c>: new-word discovery over stdin lines (normalised first) or, with
/// <c>--since DATE</c>, over the lake's normalised comments, titles and queries. Prints one
/// candidate a line with its figures, tab-separated; <c>--write FILE</c> appends the candidates to a
/// jieba user dictionary that the segmenter then loads (list it in <c>text.user_dictionaries</c>).
/// </summary>
public static class WordsCommand
{
    public static Command Create()
    {
        var write = new Option<FileInfo?>("--write") { Description = "Append the printed words to this user dictionary (one word a line)" };
        var top = new Option<int?>("--top") { Description = "How many candidates (default text.new_word_top)" };
        var minCount = new Option<int?>("--min-count") { Description = "Minimum occurrences (default text.new_word_min_count)" };
        var since = new Option<string?>("--since")
        {
            Description = "Read the lake's comments, titles and queries from this business date (YYYY-MM-DD) instead of stdin",
        };
        var command = new Command("words", "Discover new words (frequent, cohesive, free-standing strings not in the dictionary) in stdin lines")
        {
            write, top, minCount, since,
        };
        command.SetAction(result =>
        {
            var config = CliContext.Config(result);
            var options = NewWordOptions.FromConfig(config.Text);
            options = options with
            {
                Top = result.GetValue(top) ?? options.Top,
                MinCount = result.GetValue(minCount) ?? options.MinCount,
            };

            // The dictionary as analyze keeps it parsed in the data folder, when there is one (no folder is made for it).
            var layout = CliContext.Layout(result);
            var segmenter = JiebaSegmenter.Load(SegmenterOptions.ForPipeline(config.Text) with
            {
                CacheFolder = Directory.Exists(layout.State) ? layout.Vocabulary : null,
            });
            var stopWords = StopWords.Load(extra: config.Text.ExtraStopWords);
            List<string> lines;
            if (result.GetValue(since) is { } sinceText)
            {
                var sinceDate = CliContext.Day(sinceText, "--since", default);
                var (fromLake, perFeed) = LakeCorpus.Read(layout, sinceDate);
                lines = fromLake;
                Console.Error.WriteLine("words: read " + string.Join(", ", perFeed.Select(p => $"{p.Value} {p.Key}")) + $" since {sinceText}");
            }
            else
            {
                lines = [];
                using var normalizer = TextNormalizer.Create();
                using var reader = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false), true, 1 << 16);
                string? line;
                while ((line = reader.ReadLine()) is not null)
                {
                    lines.Add(normalizer.Normalize(line));
                }
            }

            var found = new NewWordDiscovery(segmenter, options, stopWords).Discover(lines);
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n" };
            output.WriteLine("word\tcount\tcohesion_pmi\tleft_entropy\tright_entropy\tscore");
            foreach (var c in found)
            {
                output.WriteLine(string.Join('\t',
                    c.Word,
                    c.Count.ToString(CultureInfo.InvariantCulture),
                    double.IsPositiveInfinity(c.Cohesion) ? "-" : c.Cohesion.ToString("F3", CultureInfo.InvariantCulture),
                    c.LeftEntropy.ToString("F3", CultureInfo.InvariantCulture),
                    c.RightEntropy.ToString("F3", CultureInfo.InvariantCulture),
                    c.Score.ToString("F1", CultureInfo.InvariantCulture)));
            }

            output.Flush();
            if (result.GetValue(write) is { } file)
            {
                var added = NewWordDiscovery.AppendToUserDictionary(file.FullName, found.Select(c => c.Word));
                Console.Error.WriteLine($"words: {added} new word(s) appended to {file.FullName} ({lines.Count} lines read)");
            }

            return 0;
        });
        return command;
    }
}
