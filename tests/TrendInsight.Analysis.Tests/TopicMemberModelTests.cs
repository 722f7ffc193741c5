namespace TrendInsight.Analysis.Tests;

/// <summary>pipelines/sql/180_topic_members.sql: which clustered words a topic keeps as members.</summary>
public sealed class TopicMemberModelTests
{
    [Fact]
    public void TopicMembers_GenericAndUnspecificWords_AreDroppedAndProductWordsKept()
    {
        using var f = new SqlModelFixture();

        // citywalk's queries name 帆布鞋 (a lexicon word) and 斜挎包 (listed by shops); 攻略 is said only with
        // citywalk but no listing uses it; ootd is tagged on every kind of post, as often without citywalk
        f.Conn.Execute("""
            INSERT INTO topic_members VALUES
                ('c1', 'citywalk', 'citywalk', 1), ('c1', 'citywalk', '帆布鞋', 2), ('c1', 'citywalk', '斜挎包', 3),
                ('c1', 'citywalk', '攻略', 4), ('c1', 'citywalk', 'ootd', 5);
            CREATE OR REPLACE TABLE trends AS
            SELECT * FROM (VALUES
                ('citywalk', 'scene', false), ('帆布鞋', 'category', false), ('斜挎包', NULL, false),
                ('攻略', NULL, false), ('ootd', NULL, false)
            ) v(term, term_type, generic);
            INSERT INTO term_daily_hist (dt, term, product_listings)
            VALUES (DATE '2026-10-20', '斜挎包', 4), (DATE '2026-10-20', '帆布鞋', 6), (DATE '2026-10-20', 'ootd', 0);
            INSERT INTO doc_sets (dt, set_id, source, docs, mentions)
            SELECT DATE '2026-10-24' - d::INTEGER, s.set_id, s.source, s.docs, s.docs
            FROM range(7) r(d), (VALUES
                (1, 'search', 200), (2, 'search', 40), (3, 'search', 30), (4, 'search', 30),
                (5, 'content', 10), (6, 'content', 30), (7, 'search', 500)
            ) s(set_id, source, docs);
            INSERT INTO set_terms
            SELECT DATE '2026-10-24' - d::INTEGER, t.set_id, t.term
            FROM range(7) r(d), (VALUES
                (1, 'citywalk'), (2, 'citywalk'), (2, '帆布鞋'), (3, 'citywalk'), (3, '斜挎包'), (4, 'citywalk'), (4, '攻略'),
                (5, 'citywalk'), (5, 'ootd'), (6, 'ootd')
            ) t(set_id, term);
            INSERT INTO source_daily_hist SELECT DATE '2026-10-24' - d::INTEGER, s, n FROM range(7) r(d), (VALUES ('search', 20000), ('content', 100)) v(s, n);
            """);

        f.Run("180_topic_members");

        var kept = f.Conn.Query("SELECT term FROM topic_members ORDER BY member_rank", r => r.GetString(0));
        Assert.Equal(["citywalk", "帆布鞋", "斜挎包"], kept);
    }
}
