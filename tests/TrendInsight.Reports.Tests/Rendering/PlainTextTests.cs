using TrendInsight.Reports.Rendering;

namespace TrendInsight.Reports.Tests.Rendering;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("美拉德这个颜色绝了<br>哈哈哈哈哈👀", "美拉德这个颜色绝了\n哈哈哈哈哈👀")]
    [InlineData("马面裙求链接<BR/>日常能穿吗", "马面裙求链接\n日常能穿吗")]
    [InlineData("<p>露营灯测评</p><p>这几款真的亮</p>", "露营灯测评\n这几款真的亮")]
    [InlineData("<b>冲锋衣</b>&nbsp;防水吗&amp;透气吗", "冲锋衣 防水吗&透气吗")]
    [InlineData("新中式 1<2 尺码偏大", "新中式 1<2 尺码偏大")]
    [InlineData("  围巾颜色好温柔  ", "围巾颜色好温柔")]
    public void FromHtml_CommentWithMarkup_GivesItsText(string html, string expected) =>
        Assert.Equal(expected, PlainText.FromHtml(html));

    [Theory]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;求同款")]
    [InlineData("<script>alert(1)</script>求同款")]
    public void FromHtml_Script_StaysTextForTheRendererToEscape(string comment)
    {
        var text = PlainText.FromHtml(comment);

        Assert.Equal("<script>alert(1)</script>求同款", text);
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt;求同款", Html.Lines(text));
    }
}
