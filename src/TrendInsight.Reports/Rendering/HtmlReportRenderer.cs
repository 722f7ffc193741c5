using System.Globalization;
using System.Text;
using TrendInsight.Core;
using TrendInsight.Reports.Model;

namespace TrendInsight.Reports.Rendering;

/// <summary>
/// Renders the report as one self-contained HTML file in Chinese: styles, data and ECharts are inlined,
/// and a Content-Security-Policy forbids every network request, so the file opens offline and prints.
/// All user text (comments, titles, queries, terms) is HTML-escaped, also inside the chart data.
/// </summary>
public sealed class HtmlReportRenderer : IReportRenderer
{
    private const int MaxOverviewTopics = 6;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly string echartsPath;

    /// <summary>Uses ECharts from the pinned npm package (<c>tools/npm/node_modules/echarts</c>).</summary>
    public HtmlReportRenderer()
        : this(Path.Combine(AssetLocator.NodeModules, "echarts", "dist", "echarts.min.js"))
    {
    }

    /// <summary>Uses the ECharts build at <paramref name="echartsPath"/>.</summary>
    public HtmlReportRenderer(string echartsPath)
    {
        this.echartsPath = echartsPath;
    }

    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public string FileExtension => ".html";

    /// <inheritdoc />
    public void Render(TrendReport report, Stream output)
    {
        var html = RenderToString(report);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        writer.Write(html);
    }

    /// <summary>The whole HTML document.</summary>
    public string RenderToString(TrendReport report)
    {
        var echarts = LoadEcharts();
        var sb = new StringBuilder(echarts.Length + 64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'\">\n")
          .Append("<meta name=\"generator\" content=\"TrendInsight\">\n")
          .Append("<title>趋势周报 ").Append(ReportText.Date(report.AsOf)).Append(" · TrendInsight</title>\n")
          .Append("<style>\n").Append(Resources.Text("report.css")).Append("</style>\n</head>\n<body>\n<main>\n");

        Header(sb, report);
        Headline(sb, report);
        RisingTable(sb, report);
        Overview(sb, report);
        TopicCards(sb, report);
        BreakoutsAndNewWords(sb, report);
        Declining(sb, report);
        Quality(sb, report);
        Footer(sb, report);

        sb.Append("</main>\n<script type=\"application/json\" id=\"report-data\">")
          .Append(Html.Json(ChartData(report)))
          .Append("</script>\n<script>\n").Append(echarts).Append("\n</script>\n<script>\n")
          .Append(Resources.Text("report.js")).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private string LoadEcharts()
    {
        var path = AssetLocator.Require(echartsPath);
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (text.Contains("</script", StringComparison.OrdinalIgnoreCase))
        {
            throw new TrendInsightException($"{path}: contains \"</script\" and cannot be inlined into the HTML report.");
        }

        return text;
    }

    private static void Header(StringBuilder sb, TrendReport r)
    {
        sb.Append("<header class=\"top\"><div><h1>兴趣电商趋势周报</h1>")
          .Append("<div class=\"period\">报告日期 ").Append(ReportText.Date(r.AsOf))
          .Append(" · 观察期 ").Append(Html.E(ReportText.Period(r)))
          .Append(" · 基线期 ").Append(Html.E(ReportText.Baseline(r))).Append("</div></div>")
          .Append("<div class=\"meta\">TrendInsight · 生成于 ")
          .Append(TimeZoneInfo.ConvertTime(r.GeneratedAt, BusinessCalendar.Zone).ToString("yyyy-MM-dd HH:mm", Inv))
          .Append("（北京时间）</div></header>\n");
    }

    private static void Headline(StringBuilder sb, TrendReport r)
    {
        var v = r.Volume;
        sb.Append("<section class=\"card headline\" id=\"headline\"><div><h3>本期要点</h3><ol>");
        foreach (var line in HeadlineWriter.Headlines(r))
        {
            sb.Append("<li>").Append(Html.E(line)).Append("</li>");
        }

        sb.Append("</ol></div><div class=\"tiles\" id=\"volume\">");
        Tile(sb, ReportText.Short(v.Searches), "搜索量");
        Tile(sb, ReportText.Short(v.Comments), "评论");
        Tile(sb, ReportText.Short(v.Contents), "内容");
        Tile(sb, ReportText.Short(v.Engagements), "互动");
        Tile(sb, ReportText.Short(v.Products), "商品");
        Tile(sb, v.DaysWithData.ToString(Inv), "有数据天数");
        sb.Append("</div></section>\n");
    }

    private static void Tile(StringBuilder sb, string value, string label) =>
        sb.Append("<div class=\"tile\"><b>").Append(Html.E(value)).Append("</b><span>").Append(label).Append("</span></div>");

    private static void RisingTable(StringBuilder sb, TrendReport r)
    {
        sb.Append("<h2 id=\"rising\">上升话题榜</h2>\n<section class=\"card\">");
        if (r.Topics.Count == 0)
        {
            NotEnoughData(sb, "：本期没有达到阈值的上升话题。").Append("</section>\n");
            return;
        }

        sb.Append("<table id=\"rising-table\"><thead><tr><th class=\"num\">排名</th><th>较上期</th><th>话题</th><th>阶段</th>")
          .Append("<th class=\"num\">增长</th><th class=\"num\">显著性 z</th><th class=\"num\">兴趣指数</th>")
          .Append("<th class=\"num\">提及（搜索 / 内容 / 评论）</th><th class=\"num\">互动</th><th>近期走势</th></tr></thead><tbody>");
        foreach (var t in r.Topics)
        {
            var c = t.Counts;
            sb.Append("<tr><td class=\"num\">").Append(t.Rank.ToString(Inv)).Append("</td>")
              .Append("<td class=\"move ").Append(ReportText.MovementKey(t.Movement)).Append("\">").Append(ReportText.Movement(t.Movement))
              .Append("<div class=\"sub\">").Append(ReportText.Weeks(t.Movement)).Append("</div></td>")
              .Append("<td class=\"topic\"><a href=\"#topic-").Append(t.Rank.ToString(Inv)).Append("\">").Append(Html.E(t.Topic)).Append("</a></td>")
              .Append("<td>").Append(Badge(t.Lifecycle)).Append("</td>")
              .Append("<td class=\"num ").Append(GrowthClass(t.GrowthPct)).Append("\">").Append(Html.E(ReportText.Growth(t.GrowthPct))).Append("</td>")
              .Append("<td class=\"num\">").Append(ReportText.Number(t.Significance)).Append("</td>")
              .Append("<td class=\"num\">").Append(ReportText.Index(t.InterestIndex)).Append("</td>")
              .Append("<td class=\"num\">").Append(ReportText.Count(c.Mentions))
              .Append("<div class=\"sub\">").Append(ReportText.Short(c.Searches)).Append(" / ").Append(ReportText.Short(c.ContentMentions))
              .Append(" / ").Append(ReportText.Short(c.CommentMentions)).Append("</div></td>")
              .Append("<td class=\"num\">").Append(ReportText.Short(c.Engagements)).Append("</td>")
              .Append("<td>").Append(Sparkline(t.Series)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>\n");
    }

    private static void Overview(StringBuilder sb, TrendReport r)
    {
        if (r.Topics.Take(MaxOverviewTopics).Count(t => t.Series.Count >= 2) == 0)
        {
            return;
        }

        sb.Append("<section class=\"card\"><h3>前 ").Append(Math.Min(MaxOverviewTopics, r.Topics.Count).ToString(Inv))
          .Append(" 个上升话题的兴趣指数</h3><div class=\"chart overview\" id=\"chart-overview\" role=\"img\" aria-label=\"兴趣指数走势\"></div></section>\n");
    }

    private static void TopicCards(StringBuilder sb, TrendReport r)
    {
        if (r.Topics.Count == 0)
        {
            return;
        }

        sb.Append("<h2 id=\"topics\">话题详情</h2>\n");
        foreach (var t in r.Topics)
        {
            TopicCard(sb, r, t);
        }
    }

    private static void TopicCard(StringBuilder sb, TrendReport r, TopicTrend t)
    {
        var rank = t.Rank.ToString(Inv);
        sb.Append("<article class=\"card topic\" id=\"topic-").Append(rank).Append("\"><div class=\"topic-head\"><span class=\"rank\">#")
          .Append(rank).Append("</span><h3>").Append(Html.E(t.Topic)).Append("</h3>").Append(Badge(t.Lifecycle))
          .Append("<span class=\"move ").Append(ReportText.MovementKey(t.Movement)).Append("\">较上期 ").Append(ReportText.Movement(t.Movement))
          .Append(t.Movement?.WeeksOnList is { } weeks ? " · 上榜第 " + weeks.ToString(Inv) + " 周" : string.Empty).Append("</span></div>");
        sb.Append("<div class=\"figures\"><span>增长 <b class=\"").Append(GrowthClass(t.GrowthPct)).Append("\">")
          .Append(Html.E(ReportText.Growth(t.GrowthPct))).Append("</b></span><span>显著性 z <b>").Append(ReportText.Number(t.Significance))
          .Append("</b></span><span>兴趣指数 <b>").Append(ReportText.Index(t.InterestIndex)).Append("</b></span><span>近 ")
          .Append(r.RecentDays.ToString(Inv)).Append(" 天提及 <b>").Append(ReportText.Count(t.Counts.Mentions)).Append("</b>（基线 ")
          .Append(ReportText.Count(t.BaselineMentions)).Append("）</span><span>搜索 <b>").Append(ReportText.Count(t.Counts.Searches))
          .Append("</b></span><span>互动 <b>").Append(ReportText.Count(t.Counts.Engagements)).Append("</b></span>");
        if (t.Counts.Gmv > 0)
        {
            sb.Append("<span>GMV <b>¥").Append(t.Counts.Gmv.ToString("N0", Inv)).Append("</b></span>");
        }

        sb.Append("</div><div class=\"topic-grid\"><div>");
        if (t.Series.Count >= 2)
        {
            sb.Append("<div class=\"chart\" id=\"chart-topic-").Append(rank).Append("\" role=\"img\" aria-label=\"兴趣指数与预测区间\"></div>");
            if (t.Forecast.Count > 0 && !t.ForecastInformative)
            {
                sb.Append("<div class=\"sub forecast-none\">预测：该话题波动过大，预测区间过宽，暂无可用预测");
                if (t.ForecastError is { } err)
                {
                    sb.Append("（回测平均误差 ").Append(ReportText.Number(err * 100, "0")).Append("%）");
                }

                sb.Append("</div>");
            }
            else if (t.Forecast.Count > 0)
            {
                sb.Append("<div class=\"sub\">虚线为未来 ").Append(t.Forecast.Count.ToString(Inv)).Append(" 天预测，阴影为 ")
                  .Append(ReportText.Number(r.ForecastInterval * 100, "0")).Append("% 区间");
                if (t.ForecastCoverage is { } cov)
                {
                    sb.Append("（回测中覆盖 ").Append(ReportText.Number(cov * 100, "0")).Append("% 的天数）");
                }

                if (t.ForecastError is { } err)
                {
                    sb.Append("；回测平均误差 ").Append(ReportText.Number(err * 100, "0")).Append('%');
                }

                sb.Append("</div>");
            }
        }
        else
        {
            sb.Append("<p class=\"nodata\">兴趣走势：").Append(ReportText.NotEnoughData).Append("（少于 2 天）</p>");
        }

        sb.Append("<h4>用户原声（点赞最多的评论）</h4>");
        if (t.Evidence.Count == 0)
        {
            NotEnoughData(sb);
        }

        foreach (var e in t.Evidence)
        {
            sb.Append("<blockquote>").Append(Html.Lines(e.Text)).Append("<span class=\"likes\">赞 ").Append(ReportText.Count(e.Likes))
              .Append(e.Date is { } d ? " · " + ReportText.ShortDate(d) : string.Empty).Append("</span></blockquote>");
        }

        sb.Append("<h4>热门内容</h4>");
        if (t.TopContent.Count == 0)
        {
            NotEnoughData(sb);
        }
        else
        {
            sb.Append("<ul class=\"content\">");
            foreach (var c in t.TopContent)
            {
                sb.Append("<li>").Append(Html.Lines(c.Title)).Append(" <span class=\"sub\">互动 ").Append(ReportText.Short(c.Engagements));
                if (!string.IsNullOrEmpty(c.Platform))
                {
                    sb.Append(" · ").Append(Html.E(c.Platform));
                }

                sb.Append("</span></li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</div><div>");
        Supply(sb, t);
        sb.Append("<h4>相关词</h4>");
        if (t.RelatedTerms.Count == 0)
        {
            NotEnoughData(sb);
        }
        else
        {
            sb.Append("<div class=\"chips\">");
            foreach (var term in t.RelatedTerms)
            {
                sb.Append("<span class=\"chip\">").Append(Html.E(term.Term)).Append("<i>").Append(ReportText.Short(term.Mentions));
                if (term.GrowthPct is { } g)
                {
                    sb.Append(' ').Append(Html.E(ReportText.Growth(g)));
                }

                sb.Append("</i></span>");
            }

            sb.Append("</div>");
        }

        sb.Append("<h4>C2M 属性（风格 × 材质 × 颜色 × 场景 × 品类）</h4>");
        Attributes(sb, t);
        sb.Append("</div></div>");
        sb.Append("<h4>人群 TGI（100 = 平均，越高越偏好）</h4>");
        Segments(sb, t);
        sb.Append("</article>\n");
    }

    private static void Supply(StringBuilder sb, TopicTrend t)
    {
        sb.Append("<h4>供需缺口</h4>");
        if (t.Supply is not { } s)
        {
            NotEnoughData(sb, "：没有提及该话题的在售商品");
            return;
        }

        // only a gap the mart found is highlighted; a well-supplied topic gets a plain line, never a negative "opportunity"
        sb.Append(s.IsGap ? "<div class=\"gap\">供给缺口 · 机会分 <b>" : "<div class=\"supply\">供给跟得上需求 · 机会分 <b>")
          .Append(ReportText.Opportunity(s.Opportunity)).Append("</b>");
        if (s.IsGap)
        {
            sb.Append("<br>").Append(Html.E(ReportText.GapReason(s)));
        }

        var level = ReportText.SupplyLevel(s);
        if (level.Length > 0)
        {
            sb.Append("<br>").Append(Html.E(level));
        }

        sb.Append("<br>需求 ").Append(Html.E(ReportText.Growth(s.DemandGrowthPct))).Append(" · 商品供给 ")
          .Append(s.SupplyGrowthPct is { } sg ? Html.E(ReportText.Growth(sg)) : "此前无")
          .Append(" · 在售 ").Append(ReportText.Count(s.Listings)).Append(" 件</div>");
    }

    private static void Attributes(StringBuilder sb, TopicTrend t)
    {
        if (t.Attributes.Count == 0)
        {
            NotEnoughData(sb);
            return;
        }

        var types = ReportText.AttributeTypes.Concat(t.Attributes.Select(a => a.Type)).Distinct(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var chips = t.Attributes.Where(a => a.Type == type).OrderByDescending(a => a.Count).Take(8).ToList();
            if (chips.Count == 0)
            {
                continue;
            }

            sb.Append("<div class=\"attr-row\"><span class=\"type\">").Append(Html.E(ReportText.AttributeType(type))).Append("</span><div class=\"chips\">");
            foreach (var a in chips)
            {
                sb.Append("<span class=\"chip\">").Append(Html.E(a.Term)).Append("<i>").Append(ReportText.Short(a.Count)).Append("</i></span>");
            }

            sb.Append("</div></div>");
        }
    }

    private static void Segments(StringBuilder sb, TopicTrend t)
    {
        if (t.Segments.All(s => s.Segment == "unknown"))
        {
            NotEnoughData(sb, "：该话题的数据没有人群信息");
            return;
        }

        sb.Append("<div class=\"tgi\">");
        foreach (var dim in ReportText.Dimensions)
        {
            var rows = t.Segments.Where(s => s.Dimension == dim && s.Segment != "unknown").OrderBy(s => ReportText.SegmentOrder(dim, s.Segment)).ToList();
            sb.Append("<div><h4>").Append(ReportText.Dimension(dim)).Append("</h4>");
            if (rows.Count == 0)
            {
                NotEnoughData(sb).Append("</div>");
                continue;
            }

            const double scale = 250;
            foreach (var s in rows)
            {
                var width = Math.Clamp(s.Tgi / scale * 100, 0, 100);
                sb.Append("<div class=\"bar-row\"><span>").Append(Html.E(ReportText.Segment(dim, s.Segment))).Append("</span><div class=\"track\"><div class=\"fill")
                  .Append(s.Leads ? " over" : string.Empty).Append("\" style=\"width:").Append(width.ToString("0.#", Inv))
                  .Append("%\"></div><div class=\"ref\" style=\"left:").Append((100 / scale * 100).ToString("0.#", Inv))
                  .Append("%\"></div></div><span class=\"num\">").Append(ReportText.Number(s.Tgi, "0")).Append("</span></div>");
            }

            var lead = ReportText.Leading(rows, dim).FirstOrDefault();
            if (lead is null)
            {
                sb.Append("<div class=\"lead none\">").Append(ReportText.NoLeadingSegment).Append("</div></div>");
                continue;
            }

            sb.Append("<div class=\"lead\">领先人群：<b>").Append(Html.E(ReportText.Segment(dim, lead.Segment))).Append("</b>（TGI ")
              .Append(ReportText.Number(lead.Tgi, "0")).Append("，占 ").Append(ReportText.Number(lead.Share * 100, "0.#")).Append('%');
            if (lead.Z is { } z)
            {
                sb.Append("，z ").Append(ReportText.Number(z, "0.0"));
            }

            sb.Append("）</div></div>");
        }

        sb.Append("</div>");
    }

    private static void BreakoutsAndNewWords(StringBuilder sb, TrendReport r)
    {
        sb.Append("<div class=\"two\"><div><h2 id=\"breakouts\">爆发词</h2><section class=\"card\">");
        if (r.Breakouts.Count == 0)
        {
            sb.Append("<p class=\"nodata\">本期没有爆发词（基线为零且超过阈值的词）</p>");
        }
        else
        {
            sb.Append("<table id=\"breakout-table\"><thead><tr><th>词</th><th>所属话题</th><th class=\"num\">近期提及</th><th class=\"num\">近期指数</th><th class=\"num\">z</th></tr></thead><tbody>");
            foreach (var b in r.Breakouts)
            {
                sb.Append("<tr><td>").Append(Html.E(b.Term)).Append("</td><td>").Append(Html.E(b.Topic ?? "—")).Append("</td><td class=\"num\">")
                  .Append(ReportText.Count(b.Recent)).Append("</td><td class=\"num\">").Append(ReportText.Number(b.RecentIndex, "N0"))
                  .Append("</td><td class=\"num\">").Append(ReportText.Number(b.Significance)).Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section></div><div><h2 id=\"new-words\">新发现词</h2><section class=\"card\">");
        if (r.NewWords.Count == 0)
        {
            sb.Append("<p class=\"nodata\">本期没有发现新词</p>");
        }
        else
        {
            sb.Append("<table id=\"new-word-table\"><thead><tr><th>新词</th><th class=\"num\">频次</th><th class=\"num\">凝固度 PMI</th><th class=\"num\">边界熵</th></tr></thead><tbody>");
            foreach (var w in r.NewWords)
            {
                sb.Append("<tr><td>").Append(Html.E(w.Word)).Append("</td><td class=\"num\">").Append(ReportText.Count(w.Frequency))
                  .Append("</td><td class=\"num\">").Append(w.Cohesion is { } c ? ReportText.Number(c, "0.00") : "—")
                  .Append("</td><td class=\"num\">").Append(w.Entropy is { } e ? ReportText.Number(e, "0.00") : "—").Append("</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        sb.Append("</section></div></div>\n");
    }

    private static void Declining(StringBuilder sb, TrendReport r)
    {
        sb.Append("<h2 id=\"declining\">降温话题</h2><section class=\"card\">");
        if (r.Declining.Count == 0)
        {
            sb.Append("<p class=\"nodata\">本期没有明显降温的话题</p></section>\n");
            return;
        }

        sb.Append("<table id=\"declining-table\"><thead><tr><th>话题</th><th>阶段</th><th class=\"num\">增长</th><th class=\"num\">显著性 z</th><th class=\"num\">近期提及</th><th class=\"num\">基线提及</th><th>近期走势</th></tr></thead><tbody>");
        foreach (var t in r.Declining)
        {
            sb.Append("<tr><td class=\"topic\">").Append(Html.E(t.Topic)).Append("</td><td>").Append(Badge(t.Lifecycle))
              .Append("</td><td class=\"num ").Append(GrowthClass(t.GrowthPct)).Append("\">").Append(Html.E(ReportText.Growth(t.GrowthPct)))
              .Append("</td><td class=\"num\">").Append(ReportText.Number(t.Significance)).Append("</td><td class=\"num\">")
              .Append(ReportText.Count(t.Counts.Mentions)).Append("</td><td class=\"num\">").Append(ReportText.Count(t.BaselineMentions))
              .Append("</td><td>").Append(Sparkline(t.Series)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></section>\n");
    }

    private static void Quality(StringBuilder sb, TrendReport r)
    {
        sb.Append("<h2 id=\"quality\">数据质量</h2><section class=\"card\"><p class=\"sub\">本期 = 基线期开始至报告日期的业务日；读取 = 接受 + 隔离 + 重复，为各导入批次合计。</p>");
        if (r.DataQuality.Count == 0)
        {
            NotEnoughData(sb, "：本期没有导入记录").Append("</section>\n");
            return;
        }

        sb.Append("<table id=\"quality-table\"><thead><tr><th>数据源</th><th class=\"num\">本期入湖行数</th><th class=\"num\">本期隔离行数</th><th class=\"num\">文件</th><th class=\"num\">读取行数</th><th class=\"num\">接受</th><th class=\"num\">隔离</th><th class=\"num\">重复</th><th class=\"num\">隔离率</th></tr></thead><tbody>");
        foreach (var q in r.DataQuality)
        {
            sb.Append("<tr><td>").Append(Html.E(ReportText.Feed(q.Feed))).Append(" <span class=\"sub\">").Append(Html.E(q.Feed)).Append("</span></td><td class=\"num\">")
              .Append(q.PeriodRows is { } pr ? ReportText.Count(pr) : "—").Append("</td><td class=\"num\">")
              .Append(q.PeriodQuarantined is { } pq ? ReportText.Count(pq) : "—").Append("</td><td class=\"num\">")
              .Append(ReportText.Count(q.Files)).Append("</td><td class=\"num\">").Append(ReportText.Count(q.RowsRead)).Append("</td><td class=\"num\">")
              .Append(ReportText.Count(q.Accepted)).Append("</td><td class=\"num\">").Append(ReportText.Count(q.Quarantined)).Append("</td><td class=\"num\">")
              .Append(ReportText.Count(q.Duplicates)).Append("</td><td class=\"num\">").Append(ReportText.Number(q.QuarantineRate * 100, "0.00")).Append("%</td></tr>");
        }

        sb.Append("</tbody></table></section>\n");
    }

    private static void Footer(StringBuilder sb, TrendReport r)
    {
        sb.Append("<footer>口径：兴趣指数综合搜索、内容、评论提及与互动，旁边总给出绝对数；增长为观察期对基线期（含小样本先验），z 为泊松显著性；")
          .Append("TGI = 人群在话题中的占比 ÷ 人群在全部活动中的占比 × 100，领先人群须显著（二项检验，按检验人群数校正）、TGI ≥ 120 且占比高出至少 5 个百分点；")
          .Append("供给缺口：需求增长快于商品供给，或每千需求在售商品少于同期上升话题的中位数，机会分综合两者（无缺口为 0）；")
          .Append("较上期为与 7 天前报告的排名比较。")
          .Append("报告日期 ").Append(ReportText.Date(r.AsOf)).Append("。</footer>\n");
    }

    /// <summary>The notice that a part of the report has too little data, with what is missing after it.</summary>
    private static StringBuilder NotEnoughData(StringBuilder sb, string detail = "") =>
        sb.Append("<p class=\"nodata\">").Append(ReportText.NotEnoughData).Append(detail).Append("</p>");

    private static string Badge(TopicLifecycle stage) =>
        $"<span class=\"badge {ReportText.LifecycleKey(stage)}\">{ReportText.Lifecycle(stage)}</span>";

    private static string GrowthClass(double? pct) => pct switch
    {
        null => "up",
        > 0 => "up",
        < 0 => "down",
        _ => string.Empty,
    };

    /// <summary>A small inline SVG line of the daily index; static, so it prints and needs no script.</summary>
    internal static string Sparkline(IReadOnlyList<SeriesPoint> series)
    {
        const double w = 120, h = 28, pad = 2;
        if (series.Count < 2)
        {
            return "<span class=\"sub\">" + ReportText.NotEnoughData + "</span>";
        }

        var max = series.Max(p => p.Index);
        var min = series.Min(p => p.Index);
        var span = max - min;
        var sb = new StringBuilder("<svg class=\"spark\" width=\"120\" height=\"28\" viewBox=\"0 0 120 28\" role=\"img\" aria-label=\"走势\"><polyline fill=\"none\" stroke=\"#d9363e\" stroke-width=\"1.6\" points=\"");
        for (var i = 0; i < series.Count; i++)
        {
            var x = pad + (w - 2 * pad) * i / (series.Count - 1);
            var y = span <= 0 ? h / 2 : pad + (h - 2 * pad) * (1 - (series[i].Index - min) / span);
            sb.Append(x.ToString("0.#", Inv)).Append(',').Append(y.ToString("0.#", Inv)).Append(' ');
        }

        return sb.Append("\"/></svg>").ToString();
    }

    private static object ChartData(TrendReport r)
    {
        var topics = r.Topics.Where(t => t.Series.Count >= 2).Select(t =>
        {
            // a forecast without useful information is not drawn at all
            var forecast = t.ForecastInformative ? t.Forecast : [];
            // A wide interval far out would flatten the observed series; the band is drawn up to
            // twice the highest observed or expected value (the XLSX keeps the exact figures).
            var cap = 2 * Math.Max(t.Series.Max(p => p.Index), forecast.Count == 0 ? 0 : forecast.Max(p => p.Mean));
            return new
            {
                id = "chart-topic-" + t.Rank.ToString(Inv),
                dates = t.Series.Select(p => ReportText.ShortDate(p.Date)).ToArray(),
                values = t.Series.Select(p => Math.Round(p.Index, 2)).ToArray(),
                forecastDates = forecast.Select(p => ReportText.ShortDate(p.Date)).ToArray(),
                mean = forecast.Select(p => Math.Round(Math.Min(p.Mean, cap), 2)).ToArray(),
                low = forecast.Select(p => Math.Round(Math.Clamp(p.Low, 0, cap), 2)).ToArray(),
                high = forecast.Select(p => Math.Round(Math.Clamp(p.High, 0, cap), 2)).ToArray(),
            };
        }).ToArray();

        var top = r.Topics.Where(t => t.Series.Count >= 2).Take(MaxOverviewTopics).ToList();
        var dates = top.SelectMany(t => t.Series.Select(p => p.Date)).Distinct().Order().ToList();
        var overview = new
        {
            dates = dates.Select(ReportText.ShortDate).ToArray(),
            series = top.Select(t =>
            {
                var byDate = t.Series.ToDictionary(p => p.Date, p => p.Index);
                return new
                {
                    name = t.Topic,
                    values = dates.Select(d => byDate.TryGetValue(d, out var v) ? Math.Round(v, 2) : (double?)null).ToArray(),
                };
            }).ToArray(),
        };
        return new { topics, overview };
    }
}
