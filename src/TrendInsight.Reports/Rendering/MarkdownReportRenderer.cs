using System.Globalization;
using System.Text;
using TrendInsight.Reports.Model;

namespace TrendInsight.Reports.Rendering;

/// <summary>Renders the headline and the tables as GitHub-flavoured Markdown for chat and wiki pages.</summary>
public sealed class MarkdownReportRenderer : IReportRenderer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <inheritdoc />
    public string Format => "md";

    /// <inheritdoc />
    public string FileExtension => ".md";

    /// <inheritdoc />
    public void Render(TrendReport report, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(RenderToString(report));
    }

    /// <summary>The whole Markdown document.</summary>
    public string RenderToString(TrendReport r)
    {
        var sb = new StringBuilder();
        sb.Append("# 兴趣电商趋势周报 ").Append(ReportText.Date(r.AsOf)).Append("\n\n");
        sb.Append("- 观察期：").Append(ReportText.Period(r)).Append('\n');
        sb.Append("- 基线期：").Append(ReportText.Baseline(r)).Append('\n');
        var v = r.Volume;
        sb.Append("- 数据量：搜索 ").Append(ReportText.Count(v.Searches)).Append("，评论 ").Append(ReportText.Count(v.Comments))
          .Append("，内容 ").Append(ReportText.Count(v.Contents)).Append("，互动 ").Append(ReportText.Count(v.Engagements))
          .Append("，商品 ").Append(ReportText.Count(v.Products)).Append("（").Append(v.DaysWithData.ToString(Inv)).Append(" 天有数据）\n\n");

        sb.Append("## 本期要点\n\n");
        var i = 1;
        foreach (var line in HeadlineWriter.Headlines(r))
        {
            sb.Append((i++).ToString(Inv)).Append(". ").Append(Inline(line)).Append('\n');
        }

        sb.Append("\n## 上升话题榜\n\n");
        if (r.Topics.Count == 0)
        {
            sb.Append(ReportText.NotEnoughData).Append("：本期没有达到阈值的上升话题。\n");
        }
        else
        {
            Table(sb, ["排名", "较上期", "上榜", "话题", "阶段", "增长", "显著性 z", "兴趣指数", "提及", "搜索", "内容", "评论", "互动", "机会分", "C2M 属性", "领先人群"],
                ["---:", ":---", "---:", ":---", ":---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", ":---", ":---"],
                r.Topics.Select(t => new[]
                {
                    t.Rank.ToString(Inv), ReportText.Movement(t.Movement), ReportText.Weeks(t.Movement), t.Topic, ReportText.Lifecycle(t.Lifecycle),
                    ReportText.Growth(t.GrowthPct), ReportText.Number(t.Significance),
                    ReportText.Index(t.InterestIndex), ReportText.Count(t.Counts.Mentions), ReportText.Count(t.Counts.Searches),
                    ReportText.Count(t.Counts.ContentMentions), ReportText.Count(t.Counts.CommentMentions), ReportText.Count(t.Counts.Engagements),
                    t.Supply is { } g ? ReportText.Opportunity(g.Opportunity) : "—", Attributes(t), ReportText.LeadingSummary(t),
                }));
        }

        foreach (var t in r.Topics.Take(5))
        {
            sb.Append("\n### ").Append(t.Rank.ToString(Inv)).Append(". ").Append(Inline(t.Topic)).Append("\n\n");
            if (t.Supply is { } s)
            {
                sb.Append(s.IsGap ? "- 供给缺口（机会分 " : "- 供给跟得上需求（机会分 ").Append(ReportText.Opportunity(s.Opportunity)).Append("）：");
                if (s.IsGap)
                {
                    sb.Append(ReportText.GapReason(s)).Append("；");
                }

                sb.Append("需求 ").Append(ReportText.Growth(s.DemandGrowthPct)).Append("，商品 ")
                  .Append(s.SupplyGrowthPct is { } sg ? ReportText.Growth(sg) : "此前无").Append("，在售 ").Append(ReportText.Count(s.Listings)).Append(" 件");
                var level = ReportText.SupplyLevel(s);
                sb.Append(level.Length > 0 ? "，" + level : string.Empty).Append('\n');
            }

            sb.Append("- 领先人群：").Append(ReportText.LeadingSummary(t)).Append('\n');

            if (t.RelatedTerms.Count > 0)
            {
                sb.Append("- 相关词：").Append(Inline(string.Join("、", t.RelatedTerms.Take(10).Select(x => x.Term)))).Append('\n');
            }

            foreach (var e in t.Evidence.Take(3))
            {
                sb.Append("- > ").Append(Inline(e.Text)).Append("（赞 ").Append(ReportText.Count(e.Likes)).Append("）\n");
            }
        }

        sb.Append("\n## 爆发词\n\n");
        if (r.Breakouts.Count == 0)
        {
            sb.Append("本期没有爆发词。\n");
        }
        else
        {
            Table(sb, ["词", "所属话题", "近期提及", "近期指数", "z"], [":---", ":---", "---:", "---:", "---:"],
                r.Breakouts.Select(b => new[] { b.Term, b.Topic ?? "—", ReportText.Count(b.Recent), ReportText.Number(b.RecentIndex, "N0"), ReportText.Number(b.Significance) }));
        }

        sb.Append("\n## 新发现词\n\n");
        if (r.NewWords.Count == 0)
        {
            sb.Append("本期没有发现新词。\n");
        }
        else
        {
            Table(sb, ["新词", "频次", "凝固度 PMI", "边界熵"], [":---", "---:", "---:", "---:"],
                r.NewWords.Select(w => new[]
                {
                    w.Word, ReportText.Count(w.Frequency), w.Cohesion is { } c ? ReportText.Number(c, "0.00") : "—",
                    w.Entropy is { } e ? ReportText.Number(e, "0.00") : "—",
                }));
        }

        sb.Append("\n## 降温话题\n\n");
        if (r.Declining.Count == 0)
        {
            sb.Append("本期没有明显降温的话题。\n");
        }
        else
        {
            Table(sb, ["话题", "阶段", "增长", "显著性 z", "近期提及", "基线提及"], [":---", ":---", "---:", "---:", "---:", "---:"],
                r.Declining.Select(t => new[]
                {
                    t.Topic, ReportText.Lifecycle(t.Lifecycle), ReportText.Growth(t.GrowthPct), ReportText.Number(t.Significance),
                    ReportText.Count(t.Counts.Mentions), ReportText.Count(t.BaselineMentions),
                }));
        }

        sb.Append("\n## 数据质量\n\n");
        if (r.DataQuality.Count == 0)
        {
            sb.Append(ReportText.NotEnoughData).Append("：本期没有导入记录。\n");
        }
        else
        {
            Table(sb, ["数据源", "本期入湖行数", "本期隔离行数", "文件", "读取行数", "接受", "隔离", "重复"], [":---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"],
                r.DataQuality.Select(q => new[]
                {
                    $"{ReportText.Feed(q.Feed)} ({q.Feed})", q.PeriodRows is { } pr ? ReportText.Count(pr) : "—",
                    q.PeriodQuarantined is { } pq ? ReportText.Count(pq) : "—", ReportText.Count(q.Files), ReportText.Count(q.RowsRead), ReportText.Count(q.Accepted),
                    ReportText.Count(q.Quarantined), ReportText.Count(q.Duplicates),
                }));
        }

        return sb.ToString();
    }

    private static string Attributes(TopicTrend t) =>
        string.Join(" × ", ReportText.AttributeTypes
            .Select(type => t.Attributes.Where(a => a.Type == type).OrderByDescending(a => a.Count).FirstOrDefault())
            .Where(a => a is not null)
            .Select(a => a!.Term));

    private static void Table(StringBuilder sb, string[] headers, string[] align, IEnumerable<string[]> rows)
    {
        sb.Append("| ").Append(string.Join(" | ", headers)).Append(" |\n");
        sb.Append("| ").Append(string.Join(" | ", align)).Append(" |\n");
        foreach (var row in rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row.Select(Inline))).Append(" |\n");
        }
    }

    /// <summary>
    /// User text on one line with Markdown and HTML neutralised: renderers that allow inline HTML show
    /// <c>&lt;script&gt;</c> as text, and a pipe cannot break a table.
    /// </summary>
    internal static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r':
                    break;
                case '\n':
                    sb.Append(' ');
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '#':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
