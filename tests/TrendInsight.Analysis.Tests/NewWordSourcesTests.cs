using TrendInsight.Text;

namespace TrendInsight.Analysis.Tests;

public sealed class NewWordSourcesTests
{
    [Fact]
    public void Rank_ChatterOnlyInComments_IsDroppedAndProductPhrasesKept()
    {
        NewWordCandidate[] found =
        [
            new("博主身高多少", 6, 400, 6.0, 3.0, 3.0),
            new("姐妹们冲", 4, 380, 5.0, 3.0, 3.0),
            new("美拉德穿搭", 5, 120, 7.0, 2.5, 2.5),
            new("灯芯绒外套", 5, 90, 6.5, 2.0, 2.0),
        ];
        (string, string)[] lines =
        [
            ("comment", "博主身高多少呀"), ("comment", "姐妹们冲 博主身高多少"), ("comment", "美拉德穿搭好温柔"),
            ("search", "美拉德穿搭 女"), ("search", "美拉德穿搭 秋冬"), ("content", "秋天的第一套美拉德穿搭"),
            ("content", "焦糖色灯芯绒外套 太爱了"), ("search", "灯芯绒外套 女"),
        ];

        var ranked = NewWordSources.Rank(found, lines, 10);

        Assert.Equal(["美拉德穿搭", "灯芯绒外套"], ranked.Select(r => r.Word.Word));
        var maillard = ranked[0];
        Assert.Equal((2, 1, 1), (maillard.QueryLines, maillard.TitleLines, maillard.CommentLines));
        Assert.Equal(120 * 2.5 * Math.Sqrt(3 / 4.0), maillard.Score, 9);
    }

    [Fact]
    public void Rank_OneTitleOnly_IsNotEnoughEvidence()
    {
        NewWordCandidate[] found = [new("同款get", 2, 50, 4.0, 2.0, 2.0)];
        (string, string)[] lines = [("content", "演唱会同款get"), ("comment", "同款get"), ("comment", "同款get 已下单")];

        Assert.Empty(NewWordSources.Rank(found, lines, 10));
    }
}
