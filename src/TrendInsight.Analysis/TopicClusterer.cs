namespace TrendInsight.Analysis;

/// <summary>
/// Groups rising terms into topics by leader clustering over the co-occurrence graph: terms are taken
/// most-discussed first (recent interest), so topics form around their big words and a generic word
/// (推荐) cannot start a topic that a big one (帐篷) then joins; a term joins the topic of the already-placed term it is most similar to
/// (weighted Jaccard over shared documents, links below the threshold already dropped in SQL), or
/// starts a topic of its own. Unlike connected components, one generic word that co-occurs with two
/// topics cannot merge them. A topic is named by its member with the most recent interest, a lexicon word if it has one; members are listed by rank.
/// </summary>
internal static class TopicClusterer
{
    /// <summary>A term to place: its rank among rising terms (1 = best), its recent interest, whether the lexicon types it.</summary>
    public readonly record struct Candidate(string Term, int Rank, double RecentTotal, bool Typed = false);

    /// <summary>A link between two candidates.</summary>
    public readonly record struct Edge(string A, string B, double Similarity);

    /// <summary>One member of a topic; <see cref="MemberRank"/> 1 is the topic's best-ranked term.</summary>
    public readonly record struct Member(string TopicId, string Name, string Term, int MemberRank);

    public static IReadOnlyList<Member> Cluster(IReadOnlyList<Candidate> candidates, IEnumerable<Edge> edges)
    {
        var neighbours = new Dictionary<string, List<(string Other, double Similarity)>>(StringComparer.Ordinal);
        foreach (var e in edges)
        {
            Add(neighbours, e.A, e.B, e.Similarity);
            Add(neighbours, e.B, e.A, e.Similarity);
        }

        var ordered = candidates.OrderByDescending(c => c.RecentTotal).ThenBy(c => c.Rank).ThenBy(c => c.Term, StringComparer.Ordinal).ToList();
        var topicOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var topics = new List<List<Candidate>>();
        foreach (var c in ordered)
        {
            var best = -1;
            var bestSimilarity = double.MinValue;
            if (neighbours.TryGetValue(c.Term, out var links))
            {
                foreach (var (other, similarity) in links)
                {
                    if (topicOf.TryGetValue(other, out var topic)
                        && (similarity > bestSimilarity || (similarity == bestSimilarity && topic < best)))
                    {
                        best = topic;
                        bestSimilarity = similarity;
                    }
                }
            }

            if (best < 0)
            {
                best = topics.Count;
                topics.Add([]);
            }

            topics[best].Add(c);
            topicOf[c.Term] = best;
        }

        var members = new List<Member>(candidates.Count);
        foreach (var topic in topics)
        {
            // a lexicon word (马面裙) names a topic better than a bigger everyday word (日常)
            var name = (topic.Where(m => m.Typed).OrderByDescending(m => m.RecentTotal).Select(m => m.Term).FirstOrDefault()) ?? topic[0].Term;
            var byRank = topic.OrderBy(m => m.Rank).ToList();
            for (var k = 0; k < byRank.Count; k++)
            {
                members.Add(new Member("t-" + name, name, byRank[k].Term, k + 1));
            }
        }

        return members;
    }

    private static void Add(Dictionary<string, List<(string, double)>> map, string from, string to, double similarity)
    {
        if (!map.TryGetValue(from, out var list))
        {
            map[from] = list = [];
        }

        list.Add((to, similarity));
    }
}
