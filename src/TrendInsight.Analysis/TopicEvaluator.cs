using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Analysis;

/// <summary>
/// Scores the analysed topics (the <c>topics</c>, <c>topic_segments</c> and <c>supply_gap</c> marts)
/// against known trends, date by date and over a range: precision@N, recall, fragmentation, merges,
/// rank of each known trend, id stability over consecutive dates, lead-segment precision and
/// supply-gap order. A listed row holds a known trend when it is named by one of the trend's words,
/// or holds its core word, or two of its words.
/// </summary>
public static class TopicEvaluator
{
    /// <summary>Evaluates every analysis date in [<paramref name="from"/>, <paramref name="to"/>] that has a topics partition.</summary>
    public static Evaluation Evaluate(DataLayout layout, IReadOnlyList<KnownTrend> truth, DateOnly from, DateOnly to, int top = 10)
    {
        var sql = SqlModels.Load();
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 });
        using var conn = db.Connect();
        var days = new List<DayScore>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            var files = LakeFiles.Partition(Path.Combine(layout.Marts, "topics"), d);
            if (files.Length == 0)
            {
                continue;
            }

            var rows = conn.Query(sql.LoadStatement("evaluate_topics"), r => new Row(
                r.GetInt32(0), r.GetString(1), r.GetString(2), [.. r.GetStringList(3).Select(s => s ?? string.Empty)]), ("files", files));
            var segments = LakeFiles.Partition(Path.Combine(layout.Marts, "topic_segments"), d);
            var leads = segments.Length == 0 ? [] : conn.Query(sql.LoadStatement("evaluate_leads"),
                r => (Topic: r.GetString(0), Dimension: r.GetString(1), Value: r.GetString(2)), ("files", segments));
            var supply = LakeFiles.Partition(Path.Combine(layout.Marts, "supply_gap"), d);
            var gaps = supply.Length == 0 ? [] : conn.Query(sql.LoadStatement("evaluate_supply"),
                r => (Topic: r.GetString(0), Score: (r.IsNull(1) ? 0.0 : r.GetNumber(1), r.IsNull(2) ? 0.0 : r.GetNumber(2))), ("files", supply));
            days.Add(ScoreDay(d, rows, leads, gaps.ToDictionary(g => g.Topic, g => g.Score, StringComparer.Ordinal), truth, top));
        }

        return Summarise(days, truth, top);
    }

    /// <summary>Whether a listed topic (its name and members) holds a known trend.</summary>
    public static bool Holds(string name, IReadOnlyCollection<string> members, KnownTrend trend)
    {
        if (trend.Terms.Contains(name, StringComparer.Ordinal) || members.Contains(trend.Terms[0], StringComparer.Ordinal))
        {
            return true;
        }

        return members.Count(m => trend.Terms.Contains(m, StringComparer.Ordinal)) >= 2;
    }

    internal static DayScore ScoreDay(
        DateOnly day, IReadOnlyList<Row> rows, IReadOnlyList<(string Topic, string Dimension, string Value)> leads,
        IReadOnlyDictionary<string, (double Opportunity, double Pressure)> gaps, IReadOnlyList<KnownTrend> truth, int top)
    {
        var active = truth.Where(t => t.ActiveOn(day)).ToList();
        var listed = rows.Where(r => r.Rank <= top).OrderBy(r => r.Rank).ToList();
        var held = listed.ToDictionary(r => r.TopicId, r => active.Where(t => Holds(r.Name, r.Members, t)).ToList(), StringComparer.Ordinal);
        var rankOf = new Dictionary<string, int?>(StringComparer.Ordinal);
        var idOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var t in truth.Where(t => t.Target))
        {
            var best = rows.Where(r => Holds(r.Name, r.Members, t)).OrderBy(r => r.Rank).FirstOrDefault();
            rankOf[t.Id] = best?.Rank;
            idOf[t.Id] = best?.TopicId;
        }

        var targets = active.Where(t => t.Target).ToList();
        var found = targets.Count(t => listed.Any(r => held[r.TopicId].Contains(t)));
        var fragmented = active.Where(t => listed.Count(r => held[r.TopicId].Contains(t)) > 1).Select(t => t.Id).ToList();
        var merged = listed.Where(r => held[r.TopicId].Count > 1).Select(r => r.Name + " (" + string.Join('+', held[r.TopicId].Select(t => t.Id)) + ")").ToList();

        // leads shown on listed rows: right when the row holds a trend whose planted segment is that value
        var shown = leads.Where(l => held.ContainsKey(l.Topic)).ToList();
        var rightLeads = shown.Count(l => held[l.Topic].Any(t => t.LeadValues.TryGetValue(l.Dimension, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal)));
        var plantedLeads = active.Count(t => t.LeadValues.Count > 0 && listed.Any(r => held[r.TopicId].Contains(t)));
        var plantedLeadShown = active.Count(t => t.LeadValues.Count > 0 && shown.Any(l => held[l.Topic].Contains(t)
            && t.LeadValues.TryGetValue(l.Dimension, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal)));

        // supply gap: every (lagging, keeping up) pair of listed trends, the lagging one ahead in the order
        // the report gives: a highlighted gap by its opportunity score, then the supply line's pressure
        var scored = active.Where(t => t.SupplyLags is not null)
            .Select(t => (Trend: t, Row: listed.FirstOrDefault(r => held[r.TopicId].Contains(t))))
            .Where(x => x.Row is not null)
            .Select(x => (x.Trend, Score: gaps.GetValueOrDefault(x.Row!.TopicId)))
            .ToList();
        var pairs = 0;
        var ordered = 0;
        foreach (var lag in scored.Where(x => x.Trend.SupplyLags == true))
        {
            foreach (var keep in scored.Where(x => x.Trend.SupplyLags == false))
            {
                pairs++;
                ordered += lag.Score.Opportunity > keep.Score.Opportunity
                    || (lag.Score.Opportunity == keep.Score.Opportunity && lag.Score.Pressure > keep.Score.Pressure) ? 1 : 0;
            }
        }

        return new DayScore(day, listed.Count, listed.Count(r => held[r.TopicId].Count > 0), targets.Count, found,
            fragmented, merged, rankOf, idOf, shown.Count, rightLeads, plantedLeads, plantedLeadShown, pairs, ordered,
            [.. listed.Select(r => (r.Rank, r.Name, (IReadOnlyList<string>)r.Members))],
            targets.Select(t => t.Id).ToHashSet(StringComparer.Ordinal));
    }

    private static Evaluation Summarise(List<DayScore> days, IReadOnlyList<KnownTrend> truth, int top)
    {
        // an id is stable when the trend's best row has the same id on every date it is found
        var stability = new List<(string Trend, bool Stable, int Dates)>();
        foreach (var t in truth.Where(t => t.Target))
        {
            var ids = days.Select(d => d.TopicIdOf.GetValueOrDefault(t.Id)).ToList();
            var activeDays = days.Count(d => t.ActiveOn(d.Day));
            if (activeDays == 0)
            {
                continue;
            }

            var present = ids.Where(i => i is not null).ToList();
            stability.Add((t.Id, present.Count == days.Count && present.Distinct(StringComparer.Ordinal).Count() == 1, days.Count));
        }

        return new Evaluation(days, stability, top);
    }

    /// <summary>One listed topic as the evaluation reads it.</summary>
    internal sealed record Row(int Rank, string TopicId, string Name, IReadOnlyList<string> Members);
}
