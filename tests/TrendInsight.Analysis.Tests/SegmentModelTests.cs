namespace TrendInsight.Analysis.Tests;

/// <summary>pipelines/sql/310_topic_segments.sql on a case computed by hand.</summary>
public sealed class SegmentModelTests
{
    [Fact]
    public void TopicSegments_HandComputedCase_GivesTgiAndLeads()
    {
        using var f = new SqlModelFixture();
        var recent = SqlModelFixture.AsOf.AddDays(-1);
        var baseline = SqlModelFixture.AsOf.AddDays(-20);
        f.Conn.Execute("""
            CREATE TABLE topics AS SELECT 't-马面裙' AS topic_id, 1 AS rank, 1.5 AS growth_shrunk;
            INSERT INTO topic_members VALUES ('t-马面裙', '马面裙', '马面裙', 1);
            """);
        using (var a = f.Conn.CreateAppender("terms_cand"))
        {
            void Doc(DateOnly dt, string id, string age, long mentions) =>
                a.BeginRow().Append(dt).Append("search").Append(id).Append("马面裙").Append("category").AppendNull()
                    .Append(age).Append("f").Append("2").Append(mentions).Append(0L).Append(0L).Append(0L).Append(0L).Append(0m).EndRow();
            Doc(recent, "s1", "18-23", 35);
            Doc(recent, "s2", "18-23", 25);
            Doc(recent, "s3", "24-30", 40);
            Doc(baseline, "s4", "24-30", 280);
            Doc(recent, "s5", "unknown", 500);
        }

        using (var a = f.Conn.CreateAppender("segment_daily_hist"))
        {
            a.BeginRow().Append(recent).Append("age_band").Append("18-23").Append(100.0).EndRow();
            a.BeginRow().Append(recent).Append("age_band").Append("24-30").Append(300.0).EndRow();
            a.BeginRow().Append(recent).Append("age_band").Append("unknown").Append(9999.0).EndRow();
        }

        f.Run("310_topic_segments");
        var rows = f.Conn.Query(
            "SELECT value, activity, share, overall_share, tgi, growth, leads FROM topic_segments WHERE dimension = 'age_band' ORDER BY value",
            r => (Value: r.GetString(0), Activity: r.GetDouble(1), Share: r.GetDouble(2), Overall: r.GetDouble(3), Tgi: r.GetDouble(4), Growth: r.GetDouble(5), Leads: r.GetBoolean(6)));

        // unknown is left out of both the topic's and everyone's shares
        Assert.Equal(["18-23", "24-30"], rows.Select(r => r.Value));
        var young = rows[0];
        var older = rows[1];
        Assert.Equal(60, young.Activity, 9);
        Assert.Equal(0.6, young.Share, 9);
        Assert.Equal(0.25, young.Overall, 9);
        Assert.Equal(240, young.Tgi, 9);                          // (60/100) / (100/400) × 100
        Assert.Equal(40.0 / 100 / (300.0 / 400) * 100, older.Tgi, 9); // 53.3
        Assert.Equal((60 + 50) / 50.0, young.Growth, 9);          // no baseline: (60 + k) / (0 + k)
        Assert.Equal((40 + 50) / (280 * 7 / 28.0 + 50), older.Growth, 9);
        Assert.True(young.Leads);                                 // 2.2 > 1.5 × 1.2 and TGI ≥ 100
        Assert.False(older.Leads);
    }
}
