using System.Text.RegularExpressions;
using TrendInsight.Reports.Model;
using TrendInsight.Reports.Rendering;
using TrendInsight.Reports.Tests.TestData;

namespace TrendInsight.Reports.Tests.Rendering;

public sealed partial class HtmlReportRendererTests
{
    private static readonly string FullHtml = new HtmlReportRenderer().RenderToString(SampleReports.Full());

    [Fact]
    public void RenderToString_CommentWithScript_IsEscapedText()
    {
        Assert.DoesNotContain("<script>window.__xss", FullHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", FullHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg onload", FullHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>灯芯绒</b>", FullHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.__xss = 1; alert(1)&lt;/script&gt;太好看了", FullHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_TopicNameClosingScript_CannotLeaveTheDataElement()
    {
        var data = Regex.Match(FullHtml, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline);

        Assert.True(data.Success);
        Assert.DoesNotContain("<", data.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", data.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E\\u003Cscript\\u003Ewindow.__xss=3", data.Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_FullReport_IsSelfContained()
    {
        // Only the three inline scripts; no src/href to anything but in-page anchors.
        Assert.Equal(3, ScriptTag().Matches(FullHtml).Count);
        Assert.DoesNotMatch("<script[^>]+src=", FullHtml);
        Assert.DoesNotMatch("<link ", FullHtml);
        Assert.DoesNotMatch("href=\"(?!#)", FullHtml);
        Assert.Contains("Content-Security-Policy", FullHtml, StringComparison.Ordinal);
        Assert.Contains("echarts", FullHtml, StringComparison.Ordinal);
        Assert.Contains("@media print", FullHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_FullReport_HeadlineComesBeforeRisingTable()
    {
        var headline = FullHtml.IndexOf("id=\"headline\"", StringComparison.Ordinal);
        var rising = FullHtml.IndexOf("id=\"rising-table\"", StringComparison.Ordinal);
        var cards = FullHtml.IndexOf("id=\"topic-1\"", StringComparison.Ordinal);

        Assert.True(headline > 0 && headline < rising && rising < cards);
        Assert.Contains("涨势最强的话题是「露营」", FullHtml, StringComparison.Ordinal);
        Assert.Contains("领先人群：<b>18-23岁</b>（TGI 182", FullHtml, StringComparison.Ordinal);
        Assert.Contains("新一线", FullHtml, StringComparison.Ordinal);
        Assert.Contains("虚线为未来 14 天预测，阴影为 80% 区间；回测平均误差 13%", FullHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_SegmentsWithoutALead_SayNoSegmentLeads()
    {
        var card = Regex.Match(FullHtml, "<article class=\"card topic\" id=\"topic-1\">(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;

        // women have the highest gender TGI (138), but the mart says they do not lead
        Assert.Contains("<div class=\"lead none\">无明显领先人群</div>", card, StringComparison.Ordinal);
        Assert.DoesNotContain("领先人群：<b>女性</b>", card, StringComparison.Ordinal);
        Assert.Contains("领先人群：<b>新一线</b>", card, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_SupplyWithoutGap_IsNotHighlightedAndShowsNoNegativeFigure()
    {
        var report = SampleReports.Full();
        var card = (int rank) => Regex.Match(FullHtml, $"<article class=\"card topic\" id=\"topic-{rank}\">(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;

        Assert.Contains("<div class=\"gap\">供给缺口 · 机会分 <b>64.3</b>", card(1), StringComparison.Ordinal);
        Assert.False(report.Topics[4].Supply!.IsGap);
        Assert.Contains("<div class=\"supply\">供给跟得上需求 · 机会分 <b>0.0</b>", card(5), StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"gap\"", card(5), StringComparison.Ordinal);
        Assert.DoesNotContain("需求比供给多涨", FullHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_Movement_ShowsArrowsNewAndWeeks()
    {
        Assert.Contains("<td class=\"move up\">↑2<div class=\"sub\">4 周</div></td>", FullHtml, StringComparison.Ordinal);
        Assert.Contains("<td class=\"move down\">↓1<div class=\"sub\">6 周</div></td>", FullHtml, StringComparison.Ordinal);
        Assert.Contains("<td class=\"move new\">新上榜<div class=\"sub\">1 周</div></td>", FullHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_ForecastWithoutInformation_SaysSoAndDrawsNoBand()
    {
        var report = SampleReports.Full();
        report = report with { Topics = [report.Topics[0] with { ForecastInformative = false, ForecastError = 1.1 }] };

        var html = new HtmlReportRenderer().RenderToString(report);

        Assert.Contains("暂无可用预测（回测平均误差 110%）", html, StringComparison.Ordinal);
        Assert.DoesNotContain("阴影为 80% 区间", html, StringComparison.Ordinal);
        Assert.Contains("\"forecastDates\":[]", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_TopicWithoutSegments_SaysNotEnoughData()
    {
        var card = Regex.Match(FullHtml, "<article class=\"card topic\" id=\"topic-4\">(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;

        Assert.Contains("国风", card, StringComparison.Ordinal);
        Assert.Contains(ReportText.NotEnoughData + "：该话题的数据没有人群信息", card, StringComparison.Ordinal);
        Assert.Contains(ReportText.NotEnoughData + "：没有提及该话题的在售商品", card, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_EmptyPeriod_SaysNotEnoughDataEverywhere()
    {
        var html = new HtmlReportRenderer().RenderToString(SampleReports.Empty());

        Assert.Contains("本期没有可评分的话题", html, StringComparison.Ordinal);
        Assert.Contains(ReportText.NotEnoughData + "：本期没有达到阈值的上升话题", html, StringComparison.Ordinal);
        Assert.Contains(ReportText.NotEnoughData + "：本期没有导入记录", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-topic-", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sparkline_SinglePoint_SaysNotEnoughData()
    {
        Assert.Contains(ReportText.NotEnoughData, HtmlReportRenderer.Sparkline([new SeriesPoint(SampleReports.AsOf, 3, 3)]), StringComparison.Ordinal);
        var svg = HtmlReportRenderer.Sparkline([new SeriesPoint(SampleReports.AsOf, 3, 3), new SeriesPoint(SampleReports.AsOf.AddDays(1), 9, 9)]);
        Assert.Contains("points=\"2,26 118,2 \"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_ExplodingForecastInterval_BandCappedAtTwiceTheObservedPeak()
    {
        var report = SampleReports.Full();
        var topic = report.Topics[0] with
        {
            Forecast = [.. report.Topics[0].Forecast.Select(p => p with { High = 9.7e8, Low = -50 })],
        };
        var html = new HtmlReportRenderer().RenderToString(report with { Topics = [topic] });
        var json = Regex.Match(html, "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var chart = System.Text.Json.Nodes.JsonNode.Parse(json)!["topics"]![0]!;
        var cap = 2 * Math.Max(topic.Series.Max(p => p.Index), topic.Forecast.Max(p => p.Mean));

        Assert.All(chart["high"]!.AsArray(), h => Assert.True(h!.GetValue<double>() <= cap + 0.01));
        Assert.All(chart["low"]!.AsArray(), l => Assert.Equal(0, l!.GetValue<double>()));
    }

    [Fact]
    public void RenderToString_Segments_InNaturalOrder()
    {
        var card = Regex.Match(FullHtml, "<article class=\"card topic\" id=\"topic-1\">(.*?)</article>", RegexOptions.Singleline).Groups[1].Value;

        var ages = Regex.Matches(card, "<span>(\\d\\d-\\d\\d岁)</span>").Select(m => m.Groups[1].Value);
        Assert.Equal(["18-23岁", "24-30岁", "31-40岁", "41-50岁"], ages);
        Assert.True(card.IndexOf("<span>一线</span>", StringComparison.Ordinal) < card.IndexOf("<span>新一线</span>", StringComparison.Ordinal));
    }

    [GeneratedRegex("<script[ >]")]
    private static partial Regex ScriptTag();
}
