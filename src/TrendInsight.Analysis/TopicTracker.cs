using System.Globalization;

namespace TrendInsight.Analysis;

/// <summary>
/// Gives today's topics the ids of the earlier analyses they continue, so a topic keeps its
/// <c>topic_id</c> from day to day while its membership overlaps (topic tracking). Each of today's
/// clusters is scored against each topic of the earlier analyses (the latest row of every id within
/// the look-back): half the Jaccard index of their members, half the share of today's interest that
/// the earlier members cover; pairs are taken best first, each id and each cluster once, down to a
/// minimum score. A cluster that continues nothing gets a new id from its name (<c>t-美拉德</c>,
/// <c>t-美拉德-2</c> when that id is taken). Only earlier analyses are read, so analysing the dates of
/// a range in order (a backfill) gives the same ids every time.
/// </summary>
internal static class TopicTracker
{
    /// <summary>Score a cluster needs to continue an earlier topic.</summary>
    public const double DefaultMinScore = 0.25;

    /// <summary>A topic of an earlier analysis: its id, its analysis date and its members.</summary>
    public readonly record struct Previous(string TopicId, DateOnly Dt, IReadOnlyList<string> Members);

    /// <summary>One of today's clusters: the id the clusterer gave it, its name and members with their recent interest.</summary>
    public readonly record struct Current(string ClusterId, string Name, IReadOnlyList<(string Term, double Weight)> Members);

    /// <summary>The final id of each of today's clusters, by <see cref="Current.ClusterId"/>.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IReadOnlyList<Current> current, IReadOnlyList<Previous> previous, double minScore = DefaultMinScore)
    {
        // the latest row of each earlier id
        var earlier = previous
            .GroupBy(p => p.TopicId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(p => p.Dt).First())
            .ToList();
        var pairs = new List<(double Score, int Cluster, int Prev)>();
        for (var c = 0; c < current.Count; c++)
        {
            var terms = current[c].Members.Select(m => m.Term).ToHashSet(StringComparer.Ordinal);
            var total = current[c].Members.Sum(m => Math.Max(m.Weight, 0));
            for (var p = 0; p < earlier.Count; p++)
            {
                var before = earlier[p].Members.ToHashSet(StringComparer.Ordinal);
                var shared = terms.Count(before.Contains);
                if (shared == 0)
                {
                    continue;
                }

                var jaccard = shared / (double)(terms.Count + before.Count - shared);
                var covered = total > 0 ? current[c].Members.Where(m => before.Contains(m.Term)).Sum(m => Math.Max(m.Weight, 0)) / total : 0;
                var score = (0.5 * jaccard) + (0.5 * covered);
                if (score >= minScore)
                {
                    pairs.Add((score, c, p));
                }
            }
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var placed = new bool[current.Count];
        foreach (var (_, c, p) in pairs
                     .OrderByDescending(x => x.Score)
                     .ThenByDescending(x => earlier[x.Prev].Dt)
                     .ThenBy(x => earlier[x.Prev].TopicId, StringComparer.Ordinal)
                     .ThenBy(x => current[x.Cluster].ClusterId, StringComparer.Ordinal))
        {
            if (placed[c] || taken.Contains(earlier[p].TopicId))
            {
                continue;
            }

            placed[c] = true;
            taken.Add(earlier[p].TopicId);
            ids[current[c].ClusterId] = earlier[p].TopicId;
        }

        // an id an earlier topic had is not given to a new one, so an id never changes what it means
        foreach (var e in earlier)
        {
            taken.Add(e.TopicId);
        }

        for (var c = 0; c < current.Count; c++)
        {
            if (placed[c])
            {
                continue;
            }

            var id = "t-" + current[c].Name;
            for (var n = 2; taken.Contains(id); n++)
            {
                id = "t-" + current[c].Name + "-" + n.ToString(CultureInfo.InvariantCulture);
            }

            taken.Add(id);
            ids[current[c].ClusterId] = id;
        }

        return ids;
    }
}
