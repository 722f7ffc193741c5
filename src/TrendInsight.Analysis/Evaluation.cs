using System.Globalization;
using System.Text;

namespace TrendInsight.Analysis;

/// <summary>The result of <c>trendinsight evaluate</c>: the figures of each analysis date and over the range.</summary>
/// <param name="Days">Each evaluated analysis date.</param>
/// <param name="IdStability">Per planted trend active in the range: whether its best row kept one topic_id on every date, over how many dates.</param>
/// <param name="Top">N of precision@N (the listed rows).</param>
public sealed record Evaluation(IReadOnlyList<DayScore> Days, IReadOnlyList<(string Trend, bool Stable, int Dates)> IdStability, int Top)
{
    /// <summary>The figures as text: one block per date (the last date with its rows), then the range.</summary>
    public string Format(bool rows = true)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        foreach (var d in Days)
        {
            sb.Append(c, $"{d.Day:yyyy-MM-dd}  precision@{Top} {d.Precision:F2}  recall {d.TargetsFound}/{d.Targets}  ")
              .Append(c, $"fragmented {d.Fragmented.Count}  merged {d.Merged.Count}  ")
              .Append(c, $"leads {d.LeadsRight}/{d.LeadsShown} right, planted lead shown {d.PlantedLeadsShown}/{d.PlantedLeads}  ")
              .Append(c, $"gap order {d.GapPairsOrdered}/{d.GapPairs}  ranks ")
              .AppendJoin(' ', d.RankOf.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + (k.Value?.ToString(c) ?? "-")))
              .AppendLine();
            foreach (var f in d.Fragmented)
            {
                sb.Append("    fragmented: ").AppendLine(f);
            }

            foreach (var m in d.Merged)
            {
                sb.Append("    merged: ").AppendLine(m);
            }
        }

        if (rows && Days.Count > 0)
        {
            var last = Days[^1];
            sb.Append(c, $"top {Top} on {last.Day:yyyy-MM-dd}:").AppendLine();
            foreach (var (rank, name, members) in last.Rows)
            {
                sb.Append(c, $"  {rank,2}. {name}  [").AppendJoin(", ", members).AppendLine("]");
            }
        }

        sb.AppendLine(Summary());
        return sb.ToString();
    }

    /// <summary>The figures over the range, one line.</summary>
    public string Summary()
    {
        var c = CultureInfo.InvariantCulture;
        if (Days.Count == 0)
        {
            return "no analysis date in the range";
        }

        var stable = IdStability.Count(s => s.Stable);
        var last = Days[^1];
        var active = last.RankOf.Where(k => last.Active.Contains(k.Key)).ToList();
        var inTop8 = active.Count(k => k.Value <= 8);
        return string.Create(c,
            $"summary {Days[0].Day:yyyy-MM-dd}..{last.Day:yyyy-MM-dd} ({Days.Count} dates): precision@{Top} {Days.Average(d => d.Precision):F2}, ")
            + string.Create(c, $"recall {Days.Average(d => d.Recall):F2}, fragmented {Days.Sum(d => d.Fragmented.Count)}, merged {Days.Sum(d => d.Merged.Count)}, ")
            + string.Create(c, $"planted in top 8 (last date) {inTop8}/{active.Count}, in top {Top} {active.Count(k => k.Value <= Top)}/{active.Count}, ")
            + string.Create(c, $"ids stable {stable}/{IdStability.Count}, ")
            + string.Create(c, $"lead precision {Ratio(Days.Sum(d => d.LeadsRight), Days.Sum(d => d.LeadsShown))}, planted lead shown {Ratio(Days.Sum(d => d.PlantedLeadsShown), Days.Sum(d => d.PlantedLeads))}, ")
            + string.Create(c, $"gap order {Ratio(Days.Sum(d => d.GapPairsOrdered), Days.Sum(d => d.GapPairs))}");
    }

    private static string Ratio(int a, int b) => b == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{a}/{b}");
}
