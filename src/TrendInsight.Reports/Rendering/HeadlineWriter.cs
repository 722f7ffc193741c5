using System.Globalization;
using TrendInsight.Reports.Model;

namespace TrendInsight.Reports.Rendering;

/// <summary>Writes the 3–5 headline sentences of what changed most, from the model's figures.</summary>
internal static class HeadlineWriter
{
    public static IReadOnlyList<string> Headlines(TrendReport report)
    {
        if (report.Headlines.Count > 0)
        {
            return report.Headlines;
        }

        var lines = new List<string>();
        if (report.IsEmpty)
        {
            lines.Add($"本期没有可评分的话题：{ReportText.NotEnoughData}。请检查数据质量表中的导入情况。");
            return lines;
        }

        var rising = report.Topics.Where(t => t.GrowthPct is null or > 0).ToList();
        if (rising.Count > 0)
        {
            var top = rising[0];
            lines.Add(top.GrowthPct is { } g
                ? $"涨势最强的话题是「{top.Topic}」：兴趣较基线 {ReportText.Growth(g)}（z = {ReportText.Number(top.Significance)}），近 {report.RecentDays.ToString(CultureInfo.InvariantCulture)} 天提及 {ReportText.Short(top.Counts.Mentions)} 次，处于{ReportText.Lifecycle(top.Lifecycle)}阶段。"
                : $"「{top.Topic}」是本期最强的新话题：近 {report.RecentDays.ToString(CultureInfo.InvariantCulture)} 天提及 {ReportText.Short(top.Counts.Mentions)} 次，此前几乎没有。");
            var next = rising.Skip(1).Take(2).Select(t => $"「{t.Topic}」（{ReportText.Growth(t.GrowthPct)}）").ToList();
            if (next.Count > 0)
            {
                lines.Add($"紧随其后的是{string.Join("、", next)}。");
            }
        }

        if (report.Breakouts.Count > 0)
        {
            var words = report.Breakouts.Take(3).Select(b => $"「{b.Term}」（{ReportText.Short(b.Recent)} 次）");
            lines.Add($"新爆发词：{string.Join("、", words)}，基线期几乎为零。");
        }

        var gap = report.Topics.Where(t => t.Supply is { IsGap: true }).OrderByDescending(t => t.Supply!.Opportunity).FirstOrDefault();
        if (gap?.Supply is { } s)
        {
            var supply = s.SupplyGrowthPct is { } sg ? "相关商品 " + ReportText.Growth(sg) : "相关商品此前没有";
            lines.Add($"供给缺口最大的是「{gap.Topic}」（机会分 {ReportText.Opportunity(s.Opportunity)}）：{ReportText.GapReason(s)}，需求 {ReportText.Growth(s.DemandGrowthPct)}，{supply}（在售 {ReportText.Count(s.Listings)} 件），是开发新品的机会。");
        }

        var skew = report.Topics.Take(5)
            .SelectMany(t => t.Segments.Where(x => x.Segment != "unknown" && x.Leads).Select(x => (Topic: t, Skew: x)))
            .OrderByDescending(x => x.Skew.Tgi)
            .FirstOrDefault();
        if (skew.Topic is not null)
        {
            lines.Add($"人群：「{skew.Topic.Topic}」在{ReportText.Segment(skew.Skew.Dimension, skew.Skew.Segment)}中最突出（TGI {ReportText.Number(skew.Skew.Tgi, "0")}）。");
        }

        if (report.Declining.FirstOrDefault(t => t.GrowthPct is < 0) is { } d && lines.Count < 5)
        {
            lines.Add($"降温最明显的是「{d.Topic}」（{ReportText.Growth(d.GrowthPct)}）。");
        }

        if (report.BaselineStart is null)
        {
            lines.Add($"本期只有 {report.Volume.DaysWithData.ToString(CultureInfo.InvariantCulture)} 天数据，没有基线期，增长率{ReportText.NotEnoughData}。");
        }

        return lines.Take(5).ToList();
    }
}
