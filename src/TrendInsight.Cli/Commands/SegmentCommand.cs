using System.CommandLine;
using System.Text;
using TrendInsight.Text;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight segment</c>: UTF-8 lines on stdin → one line per input line on stdout, the words
/// separated by a single space and nothing else, so the output composes with other tools and scorers.
/// </summary>
/// <remarks>
/// jieba returns whitespace as tokens of its own; they are left out here (a space could not be told
/// apart from the separator). Every other token, punctuation and emoji included, is printed.
/// </remarks>
public static class SegmentCommand
{
    public static Command Create()
    {
        var mode = new Option<string>("--mode")
        {
            Description = "precise (jieba.cut) or search (jieba.cut_for_search)",
            DefaultValueFactory = _ => "precise",
        };
        mode.AcceptOnlyFromAmong("precise", "search");
        var noHmm = new Option<bool>("--no-hmm") { Description = "Do not join unknown characters with the HMM (jieba's HMM=False)" };
        var userDict = new Option<FileInfo[]>("--user-dict")
        {
            Description = "Extra user dictionary (word [freq] [type] lines); may be given more than once",
            AllowMultipleArgumentsPerToken = false,
        };
        var jiebaOnly = new Option<bool>("--jieba-only")
        {
            Description = "Use jieba's own dictionary only: no domain lexicon, no text.user_dictionaries from the configuration",
        };
        var normalize = new Option<bool>("--normalize")
        {
            Description = "Normalise each line first (NFKC, traditional → simplified, lower case), as the pipeline does",
        };

        var engine = new Option<string>("--engine")
        {
            Description = "ours (the pipeline's segmenter) or jieba.net (jieba.NET's own JiebaSegmenter, to compare; no lower-case twins)",
            DefaultValueFactory = _ => "ours",
        };
        engine.AcceptOnlyFromAmong("ours", "jieba.net");

        var command = new Command("segment", "Segment stdin lines into words with jieba (one output line per input line)")
        {
            mode, noHmm, userDict, jiebaOnly, normalize, engine,
        };
        command.SetAction(result =>
        {
            var extra = (result.GetValue(userDict) ?? []).Select(f => f.FullName).ToList();
            SegmenterOptions options;
            if (result.GetValue(jiebaOnly))
            {
                options = new SegmenterOptions { UserDictionaries = extra };
            }
            else
            {
                var pipeline = SegmenterOptions.ForPipeline(CliContext.Config(result).Text);
                options = pipeline with { UserDictionaries = [.. pipeline.UserDictionaries, .. extra] };
            }

            using var normalizer = result.GetValue(normalize) ? TextNormalizer.Create() : null;
            var segmentMode = result.GetValue(mode) == "search" ? SegmentMode.Search : SegmentMode.Precise;
            var hmm = !result.GetValue(noHmm);
            if (result.GetValue(engine) == "jieba.net")
            {
                var reference = JiebaNetSegmenter.Load(options.Lexicon, options.UserDictionaries);
                Run(text => reference.Cut(text, segmentMode, hmm), normalizer, Console.OpenStandardInput(), Console.OpenStandardOutput());
                return 0;
            }

            var segmenter = JiebaSegmenter.Load(options);
            Run(segmenter, normalizer, segmentMode, hmm, Console.OpenStandardInput(), Console.OpenStandardOutput());
            return 0;
        });
        return command;
    }

    /// <summary>Segments every line of <paramref name="input"/> to <paramref name="output"/>.</summary>
    public static void Run(JiebaSegmenter segmenter, TextNormalizer? normalizer, SegmentMode mode, bool hmm, Stream input, Stream output)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n", AutoFlush = false };
        var tokens = new List<Token>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var text = normalizer is null ? line : normalizer.Normalize(line);
            tokens.Clear();
            segmenter.Cut(text, tokens, mode, hmm);
            var first = true;
            foreach (var t in tokens)
            {
                var word = text.AsSpan(t.Start, t.Length);
                if (IsBlank(word))
                {
                    continue;
                }

                if (!first)
                {
                    writer.Write(' ');
                }

                writer.Write(word);
                first = false;
            }

            writer.WriteLine();
        }
    }

    /// <summary>Segments every line of <paramref name="input"/> with <paramref name="cut"/> (another engine).</summary>
    public static void Run(Func<string, IEnumerable<string>> cut, TextNormalizer? normalizer, Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(cut);
        using var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n", AutoFlush = false };
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var text = normalizer is null ? line : normalizer.Normalize(line);
            writer.WriteLine(string.Join(' ', cut(text).Where(w => !IsBlank(w))));
        }
    }

    private static bool IsBlank(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }
}
