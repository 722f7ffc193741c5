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
        Assert.Equal("露营", topicOf["推荐"]);
        Assert.Equal("马面裙", topicOf["国风"]);
        Assert.Equal(2, members.Select(m => m.TopicId).Distinct().Count());
    }

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
