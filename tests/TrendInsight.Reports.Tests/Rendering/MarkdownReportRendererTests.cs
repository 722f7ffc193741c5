using TrendInsight.Reports.Rendering;
using TrendInsight.Reports.Tests.TestData;

namespace TrendInsight.Reports.Tests.Rendering;

public sealed class MarkdownReportRendererTests
{
    [Fact]
    public void RenderToString_FullReport_HasHeadlineAndTables()
    {
        var md = new MarkdownReportRenderer().RenderToString(SampleReports.Full());

        Assert.StartsWith("# 兴趣电商趋势周报 2026-11-22\n", md, StringComparison.Ordinal);
        Assert.Contains("- 观察期：2026-11-16 至 2026-11-22（近 7 天）", md, StringComparison.Ordinal);
        Assert.Contains("1. 涨势最强的话题是「露营」", md, StringComparison.Ordinal);
        Assert.Contains("| 排名 | 较上期 | 上榜 | 话题 | 阶段 | 增长 |", md, StringComparison.Ordinal);
        Assert.Contains("| 1 | ↑2 | 4 周 | 露营 | 上升 | +143% | 38.2 | 86.4 | 52,310 |", md, StringComparison.Ordinal);
        Assert.Contains("| 3 | 新上榜 | 1 周 | 美拉德 |", md, StringComparison.Ordinal);
        Assert.Contains("- 供给缺口（机会分 64.3）：需求增长快于商品供给；", md, StringComparison.Ordinal);
        Assert.Contains("- 领先人群：18-23岁 182 / 新一线 146", md, StringComparison.Ordinal);
        Assert.DoesNotContain(" pp", md, StringComparison.Ordinal);
        Assert.Contains("复古 × 灯芯绒 × 卡其色 × 露营 × 天幕 × 宝妈", md, StringComparison.Ordinal);
        Assert.Contains("## 数据质量", md, StringComparison.Ordinal);
        Assert.Contains("| 搜索 (search) | — | — | 35 | 4,830,112 | 4,812,330 | 12,001 | 5,781 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToString_UserTextWithHtmlAndPipes_IsNeutralised()
    {
        var md = new MarkdownReportRenderer().RenderToString(SampleReports.Full());

        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.\\_\\_xss = 1; alert(1)&lt;/script&gt;太好看了", md, StringComparison.Ordinal);
        Assert.Equal("a\\|b c", MarkdownReportRenderer.Inline("a|b\nc"));
    }

    [Fact]
    public void RenderToString_EmptyPeriod_SaysNotEnoughData()
    {
        var md = new MarkdownReportRenderer().RenderToString(SampleReports.Empty());

        Assert.Contains(ReportText.NotEnoughData + "：本期没有达到阈值的上升话题。", md, StringComparison.Ordinal);
        Assert.Contains("基线期：无（" + ReportText.NotEnoughData + "）", md, StringComparison.Ordinal);
    }
}
