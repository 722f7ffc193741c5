namespace TrendInsight.Analysis.Tests;

/// <summary>pipelines/sql/150_topic_edges.sql on hand-made document sets, then the clusterer on its links.</summary>
public sealed class TopicEdgesModelTests
{
    [Fact]
    public void Edges_TitlesTagTheSideWordWithTheTrend_LinkedThoughQueriesNameThemApart()
    {
        using var f = new SqlModelFixture();

        // queries name 美拉德 (2,000 a day) and 焦糖色 (300) apart; 20 titles a day say 焦糖色 with #美拉德
        f.Conn.Execute("""
            INSERT INTO doc_sets (dt, set_id, source, docs, mentions)
            SELECT DATE '2026-10-24' - d::INTEGER, s.set_id, s.source, s.docs, s.mentions
            FROM range(7) r(d), (VALUES (1, 'search', 2000, 2000), (2, 'search', 300, 300), (3, 'content', 20, 20), (4, 'content', 5, 5)) s(set_id, source, docs, mentions);
            INSERT INTO set_terms
            SELECT DATE '2026-10-24' - d::INTEGER, t.set_id, t.term
            FROM range(7) r(d), (VALUES (1, '美拉德'), (2, '焦糖色'), (3, '焦糖色'), (3, '美拉德'), (4, '美拉德')) t(set_id, term);
            INSERT INTO source_daily_hist SELECT DATE '2026-10-24' - d::INTEGER, s, n FROM range(7) r(d), (VALUES ('search', 20000), ('content', 400)) v(s, n);
            """);

        f.Run("150_topic_edges");

        var similarity = f.Conn.Query("SELECT similarity FROM topic_edges WHERE term_a = '焦糖色' AND term_b = '美拉德'", r => r.GetDouble(0));
        Assert.True(Assert.Single(similarity) >= 0.3 * 0.8, string.Join(',', similarity));
    }

    [Fact]
    public void Edges_TwoWordsRisingTogetherNeverNamedTogether_NoLinkAndTwoTopics()
    {
        using var f = new SqlModelFixture();

        // 羽绒服 and 围巾 rise on the same curve, each in its own queries and titles
        f.Conn.Execute("""
            INSERT INTO doc_sets (dt, set_id, source, docs, mentions)
            SELECT DATE '2026-10-24' - d::INTEGER, s.set_id, s.source, s.docs, s.mentions
            FROM range(7) r(d), (VALUES (1, 'search', 900, 900), (2, 'search', 800, 800), (3, 'content', 30, 30), (4, 'content', 25, 25)) s(set_id, source, docs, mentions);
            INSERT INTO set_terms
            SELECT DATE '2026-10-24' - d::INTEGER, t.set_id, t.term
            FROM range(7) r(d), (VALUES (1, '羽绒服'), (2, '围巾'), (3, '羽绒服'), (4, '围巾')) t(set_id, term);
            INSERT INTO term_daily_hist (dt, term, interest_index)
            SELECT DATE '2026-10-24' - d::INTEGER, t, (35 - d) * 40.0 FROM range(35) r(d), (VALUES ('羽绒服'), ('围巾')) v(t);
            """);

        f.Run("150_topic_edges");

        var edges = f.Conn.Query("SELECT term_a, term_b, similarity FROM topic_edges", r => new TopicClusterer.Edge(r.GetString(0), r.GetString(1), r.GetDouble(2)));
        Assert.Empty(edges);
        var members = TopicClusterer.Cluster([new("羽绒服", 1, 6000, Typed: true), new("围巾", 2, 5500, Typed: true)], edges);
        Assert.Equal(2, members.Select(m => m.TopicId).Distinct().Count());
    }
}
