namespace TrendInsight.Analysis;

/// <summary>
/// Groups rising terms into topics by average-linkage agglomerative clustering over the evidence that
/// two terms name one interest: co-mentions in queries, titles with their tags and comments (the
/// similarity of each edge, computed in SQL per source), and containment (美拉德 is the head of
/// 美拉德穿搭, 露营 of 露营灯). Two clusters merge while the interest-weighted mean similarity of
/// all their cross pairs reaches the threshold, so one side word shared by two trends (户外 of both
/// 露营 and 山系) cannot chain them together, and two trends that only rise in the same season
/// (羽绒服, 围巾) have no edge at all and stay apart.
/// A small cluster whose head is said together with the head of a bigger one then joins it. A topic is named by its
/// compound head (美拉德 for 美拉德 + 美拉德穿搭) when that head covers a fair share of the topic, else by
/// the member with the most recent interest; members are listed by rank.
/// </summary>
internal static class TopicClusterer
{
    /// <summary>
    /// Endings that make a style of a trend word (美拉德穿搭, 美拉德风): the word before them names the
    /// trend. Other endings name a kind of product (羽绒服 is not a style of 羽绒), which names it better.
    /// </summary>
    private static readonly HashSet<string> StyleSuffixes = new(StringComparer.Ordinal) { "穿搭", "风", "风格", "系", "色系", "妆", "感", "元素" };

    /// <summary>Default linkage a merge needs (the weighted mean similarity of the cross pairs).</summary>
    public const double DefaultMinLinkage = 0.3;

    /// <summary>A cluster at most this share of a bigger one's interest is a side word of it when their heads are linked.</summary>
    private const double SideShare = 0.25;

    /// <summary>The share of the linkage a side word's head needs to the core of a much bigger cluster.</summary>
    private const double SideLinkageFactor = 1.0 / 3;

    /// <summary>A term to place: its rank among rising terms (1 = best), its recent interest, whether the lexicon types it.</summary>
    public readonly record struct Candidate(string Term, int Rank, double RecentTotal, bool Typed = false);

    /// <summary>A link between two candidates.</summary>
    public readonly record struct Edge(string A, string B, double Similarity);

    /// <summary>One member of a topic; <see cref="MemberRank"/> 1 is the topic's best-ranked term.</summary>
    public readonly record struct Member(string TopicId, string Name, string Term, int MemberRank);

    public static IReadOnlyList<Member> Cluster(IReadOnlyList<Candidate> candidates, IEnumerable<Edge> edges, double minLinkage = DefaultMinLinkage)
    {
        var terms = candidates
            .GroupBy(c => c.Term, StringComparer.Ordinal).Select(g => g.First())
            .OrderByDescending(c => c.RecentTotal).ThenBy(c => c.Rank).ThenBy(c => c.Term, StringComparer.Ordinal)
            .ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            index[terms[i].Term] = i;
        }

        var weight = terms.Select(c => Math.Max(c.RecentTotal, 1.0)).ToArray();
        var similarity = new Dictionary<(int, int), double>();
        void Link(int a, int b, double s)
        {
            var key = a < b ? (a, b) : (b, a);
            similarity[key] = similarity.TryGetValue(key, out var old) ? Math.Max(old, s) : s;
        }

        foreach (var e in edges)
        {
            if (index.TryGetValue(e.A, out var a) && index.TryGetValue(e.B, out var b) && a != b)
            {
                Link(a, b, e.Similarity);
            }
        }

        for (var a = 0; a < terms.Count; a++)
        {
            for (var b = 0; b < terms.Count; b++)
            {
                if (a != b && IsHeadOf(terms[a].Term, terms[b].Term))
                {
                    Link(a, b, 1.0);
                }
            }
        }

        // clusters by id (the index of their first term); link sums Σ w_a·w_b·s between clusters
        var members = Enumerable.Range(0, terms.Count).Select(i => new List<int> { i }).ToArray();
        var clusterWeight = (double[])weight.Clone();
        var alive = Enumerable.Repeat(true, terms.Count).ToArray();
        var links = new Dictionary<int, Dictionary<int, double>>();
        foreach (var ((a, b), s) in similarity)
        {
            var sum = weight[a] * weight[b] * s;
            Add(links, a, b, sum);
            Add(links, b, a, sum);
        }

        while (true)
        {
            var bestA = -1;
            var bestB = -1;
            var best = double.MinValue;
            foreach (var (a, row) in links.OrderBy(kv => kv.Key))
            {
                foreach (var (b, sum) in row.OrderBy(kv => kv.Key))
                {
                    if (b <= a)
                    {
                        continue;
                    }

                    var linkage = sum / (clusterWeight[a] * clusterWeight[b]);
                    if (linkage > best + 1e-12)
                    {
                        best = linkage;
                        bestA = a;
                        bestB = b;
                    }
                }
            }

            if (bestA < 0 || best < minLinkage)
            {
                break;
            }

            // bestB goes into bestA
            members[bestA].AddRange(members[bestB]);
            clusterWeight[bestA] += clusterWeight[bestB];
            alive[bestB] = false;
            var fromB = links[bestB];
            links.Remove(bestB);
            links[bestA].Remove(bestB);
            foreach (var (c, sum) in fromB)
            {
                if (c == bestA)
                {
                    continue;
                }

                links[c].Remove(bestB);
                Add(links, bestA, c, sum);
                Add(links, c, bestA, sum);
            }
        }

        // a small cluster whose head is said together with the core of a bigger one (钻绒 with 羽绒服)
        // joins it, though the bigger one's many side words do not know it; only heads and cores count,
        // so a side word two trends share (户外, the hashtag 冬季穿搭) does not pull one into the other
        for (var changed = true; changed;)
        {
            changed = false;
            var heads = Enumerable.Range(0, terms.Count).Where(k => alive[k])
                .ToDictionary(k => k, k => members[k].OrderByDescending(i => weight[i]).ThenBy(i => i).First());

            // a cluster's core: its head and the compounds or heads of it (美拉德 beside 美拉德穿搭); a big
            // side word (测评, in the titles of many trends) is not core, so it cannot bridge two trends
            var cores = heads.ToDictionary(h => h.Key, h => members[h.Key]
                .Where(i => i == h.Value || IsHeadOf(terms[i].Term, terms[h.Value].Term) || IsHeadOf(terms[h.Value].Term, terms[i].Term)).ToList());
            foreach (var small in heads.Keys.OrderBy(k => clusterWeight[k]).ThenBy(k => k))
            {
                var target = -1;
                var bestMargin = 0.0;
                foreach (var (big, core) in cores)
                {
                    if (big == small || clusterWeight[big] <= clusterWeight[small])
                    {
                        continue;
                    }

                    // a side word far smaller than the trend (焦糖色 beside 美拉德) joins on any link above
                    // chance (every edge passed that test); one of comparable size needs the full linkage, so
                    // two trends said together now and then (山系 and 露营) stay apart
                    var needed = clusterWeight[small] <= SideShare * clusterWeight[big] ? minLinkage * SideLinkageFactor : minLinkage;
                    var i = heads[small];
                    foreach (var head in core)
                    {
                        var key = i < head ? (i, head) : (head, i);
                        if (similarity.TryGetValue(key, out var s) && s >= needed && (target < 0 || s - needed > bestMargin || (s - needed == bestMargin && big < target)))
                        {
                            bestMargin = s - needed;
                            target = big;
                        }
                    }
                }

                if (target >= 0)
                {
                    members[target].AddRange(members[small]);
                    clusterWeight[target] += clusterWeight[small];
                    alive[small] = false;
                    changed = true;
                    break;
                }
            }
        }

        var result = new List<Member>(terms.Count);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < terms.Count; k++)
        {
            if (!alive[k])
            {
                continue;
            }

            var topic = members[k].Select(i => terms[i]).ToList();
            var name = NameOf(topic);
            var id = "t-" + name;
            for (var n = 2; !usedIds.Add(id); n++)
            {
                id = "t-" + name + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var byRank = topic.OrderBy(m => m.Rank).ThenBy(m => m.Term, StringComparer.Ordinal).ToList();
            for (var r = 0; r < byRank.Count; r++)
            {
                result.Add(new Member(id, name, byRank[r].Term, r + 1));
            }
        }

        return result;
    }

    /// <summary>
    /// The phrase that stands for a topic: a compound head (a member that another member makes a style
    /// of, 美拉德 of 美拉德穿搭) covering at least a third of the biggest member's interest, else a lexicon
    /// word of at least half the biggest member's interest, else the member with the most recent
    /// interest (the one covering most of the topic's documents).
    /// </summary>
    internal static string NameOf(IReadOnlyList<Candidate> topic)
    {
        var biggest = topic.OrderByDescending(m => m.RecentTotal).ThenBy(m => m.Rank).ThenBy(m => m.Term, StringComparer.Ordinal).First();
        var head = topic
            .Where(h => h.RecentTotal >= biggest.RecentTotal / 3 && topic.Any(m => IsHeadOf(h.Term, m.Term) && StyleSuffixes.Contains(m.Term[h.Term.Length..])))
            .OrderByDescending(h => h.RecentTotal).ThenBy(h => h.Term, StringComparer.Ordinal)
            .Select(h => h.Term).FirstOrDefault();
        if (head is not null)
        {
            return head;
        }

        // a lexicon word (马面裙) names a topic better than a bigger everyday word (日常) of about its size,
        // but a small lexicon side word (织金) never names it
        var typed = topic.Where(m => m.Typed && m.RecentTotal >= biggest.RecentTotal / 2)
            .OrderByDescending(m => m.RecentTotal).ThenBy(m => m.Term, StringComparer.Ordinal).Select(m => m.Term).FirstOrDefault();
        return typed ?? biggest.Term;
    }

    /// <summary>
    /// Whether <paramref name="head"/> is the modifier a longer compound starts with (美拉德 → 美拉德穿搭,
    /// 露营 → 露营灯): a Chinese compound puts the trend first and its kind last (灯芯绒外套 is a kind of
    /// 外套, not of a 外套 trend), so only a prefix counts; a Latin head must end at a word boundary.
    /// </summary>
    internal static bool IsHeadOf(string head, string compound)
    {
        if (head.Length < 2 || compound.Length <= head.Length || !compound.StartsWith(head, StringComparison.Ordinal))
        {
            return false;
        }

        return !(char.IsAsciiLetterOrDigit(head[^1]) && char.IsAsciiLetterOrDigit(compound[head.Length]));
    }

    private static void Add(Dictionary<int, Dictionary<int, double>> links, int from, int to, double sum)
    {
        if (!links.TryGetValue(from, out var row))
        {
            links[from] = row = [];
        }

        row[to] = row.TryGetValue(to, out var old) ? old + sum : sum;
    }
}
