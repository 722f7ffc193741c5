using TrendInsight.Text;

namespace TrendInsight.Analysis;

/// <summary>
/// Keeps the new words that are product or style phrases rather than comment chatter or the stock phrases
/// of titles: a word must be typed into queries, since shoppers search for a product or a style by its name
/// (博主身高多少, 姐妹们冲, 发货好慢 are written only in comments; 一周不重样, 周末的日常, 好物分享 only in
/// titles), and its score is scaled by the square root of the share of its lines that are not comments.
/// </summary>
internal static class NewWordSources
{
    /// <summary>Fewest query lines that must use a word.</summary>
    public const int MinEvidenceLines = 2;

    /// <summary>A new word with the lines of each feed that use it.</summary>
    public sealed record Ranked(NewWordCandidate Word, int QueryLines, int TitleLines, int CommentLines, double Score);

    /// <summary>The candidates that queries use, best first, at most <paramref name="top"/>.</summary>
    /// <param name="candidates">What <see cref="NewWordDiscovery"/> found on all the lines.</param>
    /// <param name="lines">The corpus with the feed of each line: <c>search</c>, <c>content</c> or <c>comment</c>.</param>
    /// <param name="top">How many to keep.</param>
    public static IReadOnlyList<Ranked> Rank(IEnumerable<NewWordCandidate> candidates, IReadOnlyList<(string Source, string Text)> lines, int top)
    {
        var words = candidates.ToList();
        var (queries, titles, comments) = LineCounts(words, lines);
        var ranked = new List<Ranked>();
        for (var w = 0; w < words.Count; w++)
        {
            if (queries[w] < MinEvidenceLines)
            {
                continue;
            }

            var evidence = queries[w] + titles[w];
            var share = (double)evidence / (evidence + comments[w]);
            ranked.Add(new Ranked(words[w], queries[w], titles[w], comments[w], words[w].Score * Math.Sqrt(share)));
        }

        return ranked
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Word.Count)
            .ThenBy(r => r.Word.Word, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    /// <summary>
    /// How many lines of each feed contain each word. The lines are read once, looking up the words that
    /// start with the character at each position, rather than once per word.
    /// </summary>
    private static (int[] Queries, int[] Titles, int[] Comments) LineCounts(IReadOnlyList<NewWordCandidate> words, IReadOnlyList<(string Source, string Text)> lines)
    {
        var queries = new int[words.Count];
        var titles = new int[words.Count];
        var comments = new int[words.Count];
        var byFirst = new Dictionary<char, List<int>>();
        var everywhere = new List<int>();
        for (var w = 0; w < words.Count; w++)
        {
            var word = words[w].Word;
            if (word.Length == 0)
            {
                everywhere.Add(w);
            }
            else if (byFirst.TryGetValue(word[0], out var list))
            {
                list.Add(w);
            }
            else
            {
                byFirst[word[0]] = [w];
            }
        }

        // the last line each word was counted on, so that a line counts once however often it uses the word
        var lastLine = new int[words.Count];
        Array.Fill(lastLine, -1);
        for (var l = 0; l < lines.Count; l++)
        {
            var (source, text) = lines[l];
            var counts = source switch
            {
                "search" => queries,
                "content" => titles,
                _ => comments,
            };
            foreach (var w in everywhere)
            {
                counts[w]++;
            }

            for (var p = 0; p < text.Length; p++)
            {
                if (!byFirst.TryGetValue(text[p], out var starting))
                {
                    continue;
                }

                var rest = text.AsSpan(p);
                foreach (var w in starting)
                {
                    if (lastLine[w] != l && rest.StartsWith(words[w].Word, StringComparison.Ordinal))
                    {
                        counts[w]++;
                        lastLine[w] = l;
                    }
                }
            }
        }

        return (queries, titles, comments);
    }
}
