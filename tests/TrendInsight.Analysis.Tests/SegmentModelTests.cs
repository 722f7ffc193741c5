namespace TrendInsight.Analysis.Tests;

/// <summary>pipelines/sql/310_topic_segments.sql and 200_topic_daily.sql on cases computed by hand, through the doc_sets rollup.</summary>
public sealed class SegmentModelTests
{
    private static readonly DateOnly Recent = SqlModelFixture.AsOf.AddDays(-1);
    private static readonly DateOnly Baseline = SqlModelFixture.AsOf.AddDays(-20);

    /// <summary>Rolls each day's documents up as the term build does and loads them as the analysis does.</summary>
    private static void Load(SqlModelFixture f, IEnumerable<(DateOnly Day, string Source, string Id, string Age, long Mentions, long Plays, string[] Terms)> docs)
    {
        foreach (var day in docs.GroupBy(d => d.Day))
        {
            var rollup = new DocSetRollup();
            foreach (var d in day)
            {
                var terms = d.Terms.Order(StringComparer.Ordinal).ToArray();
                rollup.Add(d.Source, d.Id, null, d.Age, "f", "2", d.Mentions, d.Plays, 0, 0, 0, 0m, terms);
            }

            f.Conn.Execute("DELETE FROM doc_sets_day; DELETE FROM doc_set_segments_day; DELETE FROM doc_set_items_day;");
            rollup.AppendTo(f.Conn);
            f.Conn.ExecuteNonQuery("INSERT INTO set_terms SELECT $day::DATE, set_id, unnest(terms) FROM doc_sets_day", ("day", day.Key));
            f.Conn.ExecuteNonQuery("INSERT INTO doc_sets BY NAME SELECT $day::DATE AS dt, * EXCLUDE (terms) FROM doc_sets_day", ("day", day.Key));
            f.Conn.ExecuteNonQuery("INSERT INTO set_segments SELECT $day::DATE, * FROM doc_set_segments_day", ("day", day.Key));
            f.Conn.ExecuteNonQuery("INSERT INTO set_items SELECT $day::DATE, * FROM doc_set_items_day", ("day", day.Key));
        }

        f.Run("190_topic_sets");
    }

    [Fact]
    public void TopicSegments_HandComputedCase_GivesTgiAndLeads()
    {
        using var f = new SqlModelFixture();
        f.Conn.Execute("""
            CREATE TABLE topics AS SELECT 't-马面裙' AS topic_id, 1 AS rank, 1.5 AS growth_shrunk;
            INSERT INTO topic_members VALUES ('t-马面裙', '马面裙', '马面裙', 1);
            """);
        // 60 searches from 18-23 and 40 from 24-30 this week, each one event of one person
        Load(f,
        [
            .. Enumerable.Range(0, 60).Select(i => (Recent, "search", $"y{i}", "18-23", 1L, 0L, new[] { "马面裙" })),
            .. Enumerable.Range(0, 40).Select(i => (Recent, "search", $"o{i}", "24-30", 1L, 0L, new[] { "马面裙" })),
            (Baseline, "search", "s4", "24-30", 280, 0, ["马面裙"]),
            (Recent, "search", "s5", "unknown", 500, 0, ["马面裙"]),
        ]);

        using (var a = f.Conn.CreateAppender("segment_daily_hist"))
        {
            a.CreateRow().AppendValue(Recent).AppendValue("age_band").AppendValue("18-23").AppendValue(100.0).EndRow();
            a.CreateRow().AppendValue(Recent).AppendValue("age_band").AppendValue("24-30").AppendValue(300.0).EndRow();
            a.CreateRow().AppendValue(Recent).AppendValue("age_band").AppendValue("unknown").AppendValue(9999.0).EndRow();
        }

        f.Run("310_topic_segments");
        var rows = f.Conn.Query(
            "SELECT value, activity, share, overall_share, tgi, growth, leads, z FROM topic_segments WHERE dimension = 'age_band' ORDER BY value",
            r => (Value: r.GetString(0), Activity: r.GetDouble(1), Share: r.GetDouble(2), Overall: r.GetDouble(3), Tgi: r.GetDouble(4), Growth: r.GetDouble(5),
                Leads: r.GetBoolean(6), Z: r.GetDouble(7)));

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
        // share 0.6 against 0.25 over 101 documents (one set: the unknown search is a draw too):
        // z = 0.35 / sqrt(0.25 · 0.75 / 101) = 8.1 ≥ sqrt(9 + 2 ln 4) = 3.4 (four segment values tested), and TGI 240 ≥ 120
        Assert.Equal(0.35 / Math.Sqrt(0.25 * 0.75 / 101), young.Z, 6);
        Assert.True(young.Leads);
        Assert.False(older.Leads);
    }

    [Fact]
    public void TopicDaily_DocumentWithTwoMembers_CountsOnce()
    {
        using var f = new SqlModelFixture();
        f.Conn.Execute("""
            INSERT INTO topic_members VALUES ('t-露营', '露营', '露营', 1), ('t-露营', '露营', '帐篷', 2);
            """);
        Load(f,
        [
            (Recent, "search", "s1", "18-23", 10, 0, ["露营", "帐篷"]),
            (Recent, "search", "s2", "18-23", 7, 0, ["露营", "帐篷"]),
            (Recent, "search", "s3", "24-30", 5, 0, ["帐篷", "天幕"]),
            (Recent, "search", "s4", "24-30", 100, 0, ["连衣裙"]),
            (Recent, "comment", "c1", "24-30", 1, 0, ["露营", "帐篷", "天幕"]),
            (Recent, "comment", "c2", "24-30", 1, 0, ["露营"]),
            (Recent, "engagement", "v1", "24-30", 0, 300, ["露营", "帐篷"]),
            (Recent, "engagement", "v1", "18-23", 0, 200, ["露营", "帐篷"]),
        ]);

        f.Run("200_topic_daily");
        var row = f.Conn.Query(
            "SELECT search_volume, comment_mentions, plays FROM topic_daily WHERE topic_id = 't-露营' AND day = $day",
            r => (Search: r.GetInt64(0), Comments: r.GetInt64(1), Plays: r.GetInt64(2)), ("day", Recent)).Single();

        Assert.Equal(10 + 7 + 5, row.Search);   // s1 and s2 hold both members and count once; s4 none
        Assert.Equal(2, row.Comments);
        Assert.Equal(500, row.Plays);           // one piece of content, engaged by two segments
    }
}
