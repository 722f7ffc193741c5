namespace TrendInsight.Analysis;

/// <summary>
/// Groups rising terms into topics: the connected components of the graph whose edges link terms
/// that share enough documents (Jaccard over documents, filtered in SQL). A topic is named by its
/// best-ranked term; members are listed best first. A rising term with no link is a topic of its own.
/// </summary>
internal static class TopicClusterer
{
    /// <summary>One member of a topic.</summary>
    public readonly record struct Member(string TopicId, string Name, string Term, int MemberRank);

    /// <param name="candidates">Candidate terms with their rank (1 = best).</param>
    /// <param name="edges">Links between candidate terms.</param>
    public static IReadOnlyList<Member> Cluster(IReadOnlyList<(string Term, int Rank)> candidates, IEnumerable<(string A, string B)> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            index[candidates[i].Term] = i;
        }

        var parent = Enumerable.Range(0, candidates.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var (a, b) in edges)
        {
            if (index.TryGetValue(a, out var ia) && index.TryGetValue(b, out var ib))
            {
                var ra = Find(ia);
                var rb = Find(ib);
                if (ra != rb)
                {
                    // the better-ranked root stays root, so the component's root is its best term
                    if (candidates[ra].Rank <= candidates[rb].Rank)
                    {
                        parent[rb] = ra;
                    }
                    else
                    {
                        parent[ra] = rb;
                    }
                }
            }
        }

        var members = new List<Member>(candidates.Count);
        foreach (var group in Enumerable.Range(0, candidates.Count).GroupBy(Find))
        {
            var ordered = group.OrderBy(i => candidates[i].Rank).ThenBy(i => candidates[i].Term, StringComparer.Ordinal).ToList();
            var name = candidates[ordered[0]].Term;
            var id = "t-" + name;
            for (var k = 0; k < ordered.Count; k++)
            {
                members.Add(new Member(id, name, candidates[ordered[k]].Term, k + 1));
            }
        }

        return members;
    }
}
