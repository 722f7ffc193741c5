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
        var ranked = new List<Ranked>();
        foreach (var c in candidates)
        {
            int queries = 0, titles = 0, comments = 0;
            foreach (var (source, text) in lines)
            {
                if (!text.Contains(c.Word, StringComparison.Ordinal))
                {
                    continue;
                }

                switch (source)
                {
                    case "search":
                        queries++;
                        break;
                    case "content":
                        titles++;
                        break;
                    default:
                        comments++;
                        break;
                }
            }

            if (queries < MinEvidenceLines)
            {
                continue;
            }

            var evidence = queries + titles;
            var share = (double)evidence / (evidence + comments);
            ranked.Add(new Ranked(c, queries, titles, comments, c.Score * Math.Sqrt(share)));
        }

        return ranked
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Word.Count)
            .ThenBy(r => r.Word.Word, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }
}
