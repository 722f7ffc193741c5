namespace TrendInsight.Analysis.Tests;

public sealed class TopicClustererTests
{
    [Fact]
    public void Cluster_GenericWordLinkedToTwoTopics_DoesNotMergeThem()
    {
        TopicClusterer.Candidate[] candidates =
        [
            new("露营", 1, 9000), new("马面裙", 2, 8000), new("帐篷", 3, 4000),
            new("国风", 4, 3000), new("推荐", 5, 500),
        ];
        TopicClusterer.Edge[] edges =
        [
            new("露营", "帐篷", 0.6), new("马面裙", "国风", 0.7),
            new("推荐", "帐篷", 0.5), new("推荐", "国风", 0.4),
        ];
        var members = TopicClusterer.Cluster(candidates, edges);
        var topicOf = members.ToDictionary(m => m.Term, m => m.Name);
        Assert.Equal("露营", topicOf["帐篷"]);
        Assert.Equal("马面裙", topicOf["国风"]);
        Assert.NotEqual(topicOf["露营"], topicOf["马面裙"]);
        Assert.NotEqual("马面裙", topicOf["推荐"]);
    }

    [Fact]
    public void Cluster_SmallSideWordWeaklyLinkedToTheHead_JoinsTheTrend()
    {
        // 焦糖色 is tagged with #美拉德 in a few titles only: too weak a link for a merge, but far
        // smaller than the trend, it is a side word of it, not a row of its own
        TopicClusterer.Candidate[] candidates =
        [
            new("美拉德", 1, 6000), new("美拉德穿搭", 2, 2500), new("灯芯绒", 3, 1500, Typed: true), new("焦糖色", 4, 700, Typed: true),
        ];
        TopicClusterer.Edge[] edges = [new("美拉德", "灯芯绒", 0.5), new("焦糖色", "美拉德", 0.15)];

        var topicOf = TopicClusterer.Cluster(candidates, edges).ToDictionary(m => m.Term, m => m.Name);

        Assert.Equal("美拉德", topicOf["焦糖色"]);
    }

    [Fact]
    public void Cluster_TwoTrendsOfComparableSizeWeaklyLinked_StayApart()
    {
        // "山系露营" titles now and then: 山系 is a trend of its own, not a side word of 露营
        TopicClusterer.Candidate[] candidates = [new("露营", 1, 6000), new("帐篷", 2, 2000), new("山系", 3, 3000), new("冲锋衣", 4, 1500)];
        TopicClusterer.Edge[] edges = [new("露营", "帐篷", 0.6), new("山系", "冲锋衣", 0.6), new("山系", "露营", 0.15)];

        var topicOf = TopicClusterer.Cluster(candidates, edges).ToDictionary(m => m.Term, m => m.Name);

        Assert.NotEqual(topicOf["露营"], topicOf["山系"]);
    }

    [Fact]
    public void Cluster_CompoundAndItsHead_OneTopicNamedByTheHead()
    {
        // no query names both, but 美拉德穿搭 is a style of 美拉德
        var members = TopicClusterer.Cluster(
            [new("美拉德穿搭", 1, 3000, Typed: true), new("美拉德", 2, 2500), new("灯芯绒", 3, 900, Typed: true)],
            [new("美拉德", "灯芯绒", 0.6)]);
        Assert.All(members, m => Assert.Equal("t-美拉德", m.TopicId));
        Assert.Equal(3, members.Count);
    }

    [Fact]
    public void Cluster_HeadOfAProductWord_NamedByTheProductWord()
    {
        var members = TopicClusterer.Cluster([new("羽绒服", 1, 3000, Typed: true), new("羽绒", 2, 1500, Typed: true)], []);
        Assert.All(members, m => Assert.Equal("羽绒服", m.Name));
    }

    [Fact]
    public void Cluster_SeasonalLookAlikesSharingOnlyAHashtag_StayApart()
    {
        // 羽绒服 and 围巾 rise together in November; no query, title or comment names both, only the
        // hashtag 冬季穿搭 is put on posts of each
        TopicClusterer.Candidate[] candidates =
        [
            new("羽绒服", 1, 5000, Typed: true), new("围巾", 2, 4500, Typed: true), new("面包服", 3, 1200),
            new("披肩", 4, 1000), new("冬季穿搭", 5, 400), new("钻绒", 6, 150),
        ];
        TopicClusterer.Edge[] edges =
        [
            new("羽绒服", "面包服", 0.5), new("围巾", "披肩", 0.45),
            new("冬季穿搭", "羽绒服", 0.55), new("冬季穿搭", "围巾", 0.5), new("冬季穿搭", "面包服", 0.3), new("冬季穿搭", "披肩", 0.3),
            new("钻绒", "羽绒服", 0.4),
        ];
        var topicOf = TopicClusterer.Cluster(candidates, edges).ToDictionary(m => m.Term, m => m.Name);
        Assert.Equal("羽绒服", topicOf["面包服"]);
        Assert.Equal("羽绒服", topicOf["钻绒"]);
        Assert.Equal("围巾", topicOf["披肩"]);
        Assert.NotEqual(topicOf["羽绒服"], topicOf["围巾"]);
    }

    [Fact]
    public void Cluster_SideWordSaidOnlyWithTheHead_JoinsTheTopic()
    {
        // 钻绒 is said with 羽绒服 alone, not with the topic's other words
        var members = TopicClusterer.Cluster(
            [new("羽绒服", 1, 5000), new("面包服", 2, 3000), new("白鸭绒", 3, 2000), new("钻绒", 4, 100)],
            [new("羽绒服", "面包服", 0.6), new("羽绒服", "白鸭绒", 0.5), new("面包服", "白鸭绒", 0.4), new("钻绒", "羽绒服", 0.35)]);
        Assert.All(members, m => Assert.Equal("t-羽绒服", m.TopicId));
    }

    [Theory]
    [InlineData("美拉德", "美拉德穿搭", true)]
    [InlineData("露营", "露营灯", true)]
    [InlineData("外套", "灯芯绒外套", false)]
    [InlineData("city", "citywalk", false)]
    [InlineData("美", "美拉德", false)]
    public void IsHeadOf_Pairs_OnlyAPrefixAtAWordBoundary(string head, string compound, bool expected) =>
        Assert.Equal(expected, TopicClusterer.IsHeadOf(head, compound));

    [Fact]
    public void Cluster_UnlinkedTerm_IsATopicOfItsOwn()
    {
        var members = TopicClusterer.Cluster([new("飞盘", 1, 100)], []);
        var m = Assert.Single(members);
        Assert.Equal("t-飞盘", m.TopicId);
        Assert.Equal(1, m.MemberRank);
    }

    [Fact]
    public void Cluster_EverydayWordBiggerThanLexiconWord_TopicNamedByTheLexiconWord()
    {
        var members = TopicClusterer.Cluster(
            [new("日常", 2, 900, Typed: false), new("马面裙", 1, 600, Typed: true)],
            [new("日常", "马面裙", 0.5)]);
        Assert.All(members, m => Assert.Equal("马面裙", m.Name));
        Assert.All(members, m => Assert.Equal("t-马面裙", m.TopicId));
    }
}
