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
            ("content", "焦糖色灯芯绒外套 太爱了"), ("search", "灯芯绒外套 女"), ("search", "灯芯绒外套 男 复古"),
        ];

        var ranked = NewWordSources.Rank(found, lines, 10);

        Assert.Equal(["美拉德穿搭", "灯芯绒外套"], ranked.Select(r => r.Word.Word));
        var maillard = ranked[0];
        Assert.Equal((2, 1, 1), (maillard.QueryLines, maillard.TitleLines, maillard.CommentLines));
        Assert.Equal(120 * 2.5 * Math.Sqrt(3 / 4.0), maillard.Score, 9);
    }

    [Fact]
    public void Rank_TitleStockPhrasesNobodySearches_AreDropped()
    {
        NewWordCandidate[] found =
        [
            new("一周不重样", 5, 300, 6.0, 3.0, 3.0),
            new("周末的日常", 5, 105, 6.0, 3.0, 3.0),
            new("徒步鞋", 3, 60, 5.0, 2.0, 2.0),
        ];
        (string, string)[] lines =
        [
            ("content", "国风穿搭 一周不重样"), ("content", "一周多巴胺配色不重样"), ("content", "一周不重样的通勤穿搭"),
            ("content", "vlog｜周末的日常"), ("content", "周末的日常 露营"), ("search", "一周 穿搭"),
            ("search", "山系 徒步鞋"), ("search", "徒步鞋 防滑 女"), ("content", "徒步鞋测评"), ("comment", "徒步鞋防水吗"),
        ];

        Assert.Equal(["徒步鞋"], NewWordSources.Rank(found, lines, 10).Select(r => r.Word.Word));
    }

    [Fact]
    public void Rank_OneTitleOnly_IsNotEnoughEvidence()
    {
        NewWordCandidate[] found = [new("同款get", 2, 50, 4.0, 2.0, 2.0)];
        (string, string)[] lines = [("content", "演唱会同款get"), ("comment", "同款get"), ("comment", "同款get 已下单")];

        Assert.Empty(NewWordSources.Rank(found, lines, 10));
    }

    [Fact]
    public void Rank_WordsSharingAFirstCharacterAndRepeatedInALine_CountEachLineOnce()
    {
        NewWordCandidate[] found =
        [
            new("露营椅", 3, 80, 5.0, 2.0, 2.0),
            new("露营灯", 3, 70, 5.0, 2.0, 2.0),
        ];
        (string, string)[] lines =
        [
            ("search", "露营椅 露营椅 折叠"), ("search", "露营灯 露营椅"), ("search", "露营灯 充电"),
            ("content", "露营椅测评 露营灯推荐"), ("comment", "露营椅好坐吗"), ("comment", "露营 真好"),
        ];

        var ranked = NewWordSources.Rank(found, lines, 10).ToDictionary(r => r.Word.Word, r => (r.QueryLines, r.TitleLines, r.CommentLines));

        Assert.Equal((2, 1, 1), ranked["露营椅"]);
        Assert.Equal((2, 1, 0), ranked["露营灯"]);
    }
}
