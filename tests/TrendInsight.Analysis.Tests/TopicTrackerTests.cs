namespace TrendInsight.Analysis.Tests;

public sealed class TopicTrackerTests
{
    private static readonly DateOnly Yesterday = new(2026, 11, 20);

    [Fact]
    public void Assign_TopicWhoseNameChangedButMembersOverlap_KeepsItsEarlierId()
    {
        // yesterday the topic was named by 焦糖色; today 美拉德 leads it
        TopicTracker.Previous[] previous = [new("t-焦糖色", Yesterday, ["焦糖色", "灯芯绒", "美拉德"])];
        TopicTracker.Current[] current = [new("c1", "美拉德", [("美拉德", 7000), ("焦糖色", 1600), ("灯芯绒", 1500), ("麂皮绒", 700)])];

        var ids = TopicTracker.Assign(current, previous);

        Assert.Equal("t-焦糖色", ids["c1"]);
    }

    [Fact]
    public void Assign_TwoDates_NewTopicGetsItsNameAndASplitKeepsTheIdWithTheBiggerPart()
    {
        TopicTracker.Previous[] previous =
        [
            new("t-新中式", Yesterday, ["新中式", "马面裙", "国风"]),
            new("t-露营", Yesterday.AddDays(-3), ["露营", "帐篷"]),
        ];
        TopicTracker.Current[] current =
        [
            new("c1", "马面裙", [("马面裙", 5000), ("新中式", 4000)]),
            new("c2", "国风", [("国风", 900)]),
            new("c3", "citywalk", [("citywalk", 9000), ("帆布鞋", 700)]),
            new("c4", "露营", [("露营", 9000)]),
        ];

        var ids = TopicTracker.Assign(current, previous);

        Assert.Equal("t-新中式", ids["c1"]);
        Assert.Equal("t-国风", ids["c2"]);
        Assert.Equal("t-citywalk", ids["c3"]);
        Assert.Equal("t-露营", ids["c4"]);
    }

    [Fact]
    public void Assign_NewTopicNamedLikeAnUnrelatedEarlierOne_GetsAnotherId()
    {
        // an id means one topic: a new cluster that shares little with the earlier 山系 does not take its id
        TopicTracker.Previous[] previous = [new("t-山系", Yesterday, ["山系", "冲锋衣"])];
        TopicTracker.Current[] current = [new("c1", "山系", [("山系", 100), ("徒步", 5000), ("户外", 5000), ("机能风", 5000), ("蛋卷桌", 5000)])];

        var ids = TopicTracker.Assign(current, previous);

        Assert.Equal("t-山系-2", ids["c1"]);
    }
}
