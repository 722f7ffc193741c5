namespace TrendInsight.Analysis.Tests;

/// <summary>pipelines/sql/140_topic_candidates.sql on a hand-made trends table.</summary>
public sealed class TopicCandidatesModelTests
{
    [Fact]
    public void Candidates_RisingAndFallingTerms_CrowdWordsAreNeverClustered()
    {
        using var f = new SqlModelFixture();
        f.Conn.Execute("""
            CREATE OR REPLACE TABLE trends AS SELECT * FROM (VALUES
                ('露营', 'scene', 1.2, 1, 900.0, 'rising', 12.0, false),
                ('女生', 'crowd', 0.9, 2, 800.0, 'rising', 6.0, false),
                ('天幕', 'category', 0.7, 3, 300.0, 'rising', 5.0, false),
                ('松弛感', 'style', -0.9, NULL, 120.0, 'declining', -8.0, false),
                ('宝妈', 'crowd', -0.8, NULL, 100.0, 'declining', -7.0, false)
            ) t(term, term_type, score, rank, recent_total, stage, z, generic)
            """);

        f.Run("140_topic_candidates");

        var candidates = f.Conn.Query("SELECT term, falling FROM candidates ORDER BY falling, rank", r => (r.GetString(0), r.GetBoolean(1)));
        Assert.Equal([("露营", false), ("天幕", false), ("松弛感", true)], candidates);
    }
}
