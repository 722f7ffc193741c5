namespace TrendInsight.Analysis.Tests;

/// <summary>pipelines/sql/220_topics.sql: which clustered topics may rank.</summary>
public sealed class TopicRankModelTests
{
    [Fact]
    public void Topics_ChatterGrabBagAndSideWord_OnlyTheTrendRanks()
    {
        using var f = new SqlModelFixture();

        // 美拉德 rises in queries and titles; 显瘦 rises in queries and comments that no title names;
        // 口红 is evergreen with five side words said with it alone; 焦糖色 is tagged with #美拉德; 香薰 is a
        // lone everyday word, there on every day of the baseline, whose z is what chance gives the best of the
        // terms scored; 围炉煮茶 is a lone word as significant, but new
        f.Conn.Execute("""
            INSERT INTO topic_members VALUES
                ('t-美拉德', '美拉德', '美拉德', 1), ('t-美拉德', '美拉德', '美拉德穿搭', 2), ('t-美拉德', '美拉德', '灯芯绒', 3),
                ('t-显瘦', '显瘦', '显瘦', 1),
                ('t-口红', '口红', '口红', 1), ('t-口红', '口红', '防晒', 2), ('t-口红', '口红', '发夹', 3),
                ('t-口红', '口红', '牛仔裤', 4), ('t-口红', '口红', '面膜', 5), ('t-口红', '口红', '保温杯', 6),
                ('t-焦糖色', '焦糖色', '焦糖色', 1), ('t-香薰', '香薰', '香薰', 1), ('t-围炉煮茶', '围炉煮茶', '围炉煮茶', 1);
            CREATE OR REPLACE TABLE scores AS
            SELECT v.key, v.recent_total, v.recent_total / v.growth AS baseline_total, v.recent_total / v.growth AS expected_recent,
                   v.recent_total AS recent_mentions, v.recent_total / v.growth AS expected_mentions,
                   v.search AS recent_search, v.content AS recent_content, v.recent_total - v.search - v.content AS recent_comment,
                   0::BIGINT AS recent_listings, 1.0 AS phi, v.growth, v.growth AS growth_shrunk, v.z, 10.0 AS llr, false AS breakout,
                   ln(v.growth) * (1 - exp(-v.z / 3)) AS score, 'rising' AS stage, 1.0 AS level, 0.2 AS slope, 0.0 AS accel,
                   v.baseline_days_active
            FROM (VALUES
                ('t-美拉德', 20000.0, 16000, 300, 4.0, 60.0, 20),
                ('t-显瘦', 8000.0, 6000, 0, 1.4, 6.0, 28),
                ('t-口红', 30000.0, 25000, 500, 1.3, 8.0, 28),
                ('t-焦糖色', 1500.0, 1200, 30, 3.0, 15.0, 28),
                ('t-香薰', 330.0, 320, 8, 1.42, 3.2, 28),
                ('t-围炉煮茶', 330.0, 320, 8, 2.0, 3.2, 5)
            ) v(key, recent_total, search, content, growth, z, baseline_days_active);
            CREATE OR REPLACE TABLE trends AS
            SELECT term, false AS generic, score, z, growth_shrunk FROM (VALUES
                ('美拉德', 1.2, 50.0, 4.0), ('显瘦', 0.3, 6.0, 1.4), ('口红', 0.0, 0.1, 1.01), ('焦糖色', 0.9, 15.0, 3.0),
                ('香薰', 0.2, 3.2, 1.42), ('围炉煮茶', 0.45, 3.2, 2.0)
            ) v(term, score, z, growth_shrunk);
            CREATE OR REPLACE TABLE topic_edges AS
            SELECT * FROM (VALUES
                ('美拉德', '美拉德穿搭', 40::BIGINT, 0.6), ('灯芯绒', '美拉德', 30::BIGINT, 0.5),
                ('口红', '防晒', 20::BIGINT, 0.3), ('发夹', '口红', 20::BIGINT, 0.3), ('口红', '牛仔裤', 20::BIGINT, 0.3),
                ('口红', '面膜', 20::BIGINT, 0.3), ('保温杯', '口红', 20::BIGINT, 0.3)
            ) v(term_a, term_b, co_docs, similarity);
            INSERT INTO doc_sets (dt, set_id, source, docs, mentions)
            SELECT DATE '2026-10-24' - d::INTEGER, s.set_id, s.source, s.docs, s.docs
            FROM range(7) r(d), (VALUES (1, 'search', 2000), (2, 'search', 150), (3, 'content', 20), (4, 'search', 800), (5, 'search', 3000)) s(set_id, source, docs);
            INSERT INTO set_terms
            SELECT DATE '2026-10-24' - d::INTEGER, t.set_id, t.term
            FROM range(7) r(d), (VALUES (1, '美拉德'), (2, '焦糖色'), (3, '焦糖色'), (3, '美拉德'), (4, '显瘦'), (5, '口红')) t(set_id, term);
            INSERT INTO source_daily_hist SELECT DATE '2026-10-24' - d::INTEGER, s, n FROM range(7) r(d), (VALUES ('search', 100000), ('content', 2000)) v(s, n);
            """);

        f.Run("190_topic_sets");
        f.Run("220_topics");

        var ranked = f.Conn.Query("SELECT name FROM topics WHERE rank IS NOT NULL ORDER BY rank", r => r.GetString(0));
        Assert.Equal(["美拉德", "围炉煮茶"], ranked);
    }
}
