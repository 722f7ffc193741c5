using DuckDB.NET.Data;

namespace TrendInsight.Analysis.Tests;

/// <summary>pipelines/sql/320_supply_gap.sql on hand-made topics, daily series and query and listing sets.</summary>
public sealed class SupplyGapModelTests
{
    [Fact]
    public void SupplyGap_LaggingListingsAgainstWellSuppliedTopicMuchReviewed_LaggingOrderedFirst()
    {
        using var f = new SqlModelFixture();

        // over the 35 days of the history window: 露营 has 6,900 queries, 140 listings and many 测评 posts (a
        // big interest); citywalk 4,250 and 30; 新中式 4,600 and 34; 山系 5,100 and 100; 围巾, a staple, 2,300 and 280
        Topics(f.Conn,
            ("露营", 4000.0, 2900.0, 1.36, 6900, 8000.0, 28, 112),
            ("citywalk", 2100.0, 970.0, 2.16, 4250, 4200.0, 6, 24),
            ("新中式", 2050.0, 1200.0, 1.71, 4600, 4100.0, 7, 27),
            ("山系", 2090.0, 1500.0, 1.39, 5100, 4200.0, 20, 80),
            ("围巾", 1010.0, 520.0, 1.93, 2300, 2000.0, 56, 224));

        f.Run("320_supply_gap");

        var rows = Gaps(f.Conn);
        foreach (var lagging in new[] { "citywalk", "新中式" })
        {
            Assert.True(rows[lagging].Gap, $"{lagging} {rows[lagging]}");
            foreach (var keeping in new[] { "露营", "山系" })
            {
                Assert.True(rows[lagging].Pressure > rows[keeping].Pressure, $"{lagging} {rows[lagging]} vs {keeping} {rows[keeping]}");
                Assert.True(rows[lagging].Opportunity > rows[keeping].Opportunity, $"{lagging} {rows[lagging]} vs {keeping} {rows[keeping]}");
            }
        }

        Assert.True(rows["围巾"].Pressure < 0);
        Assert.Equal(0, rows["围巾"].Opportunity);
    }

    [Fact]
    public void SupplyGap_FewListingsOffTheirPaceByChance_NoGapAndNoPressure()
    {
        using var f = new SqlModelFixture();

        // a small lake: 露营's listings keep up with its demand but its last week had 8 where ~11 were due;
        // 新中式 has half the listings per query of the others, over five weeks
        Topics(f.Conn,
            ("露营", 2800.0, 2000.0, 1.39, 5500, 6000.0, 8, 31),
            ("新中式", 1900.0, 1000.0, 1.89, 2700, 4000.0, 4, 10),
            ("山系", 1900.0, 1300.0, 1.44, 3500, 4000.0, 8, 28),
            ("citywalk", 2000.0, 800.0, 2.4, 2500, 4000.0, 9, 20));

        f.Run("320_supply_gap");

        var rows = Gaps(f.Conn);
        Assert.Equal(0, rows["露营"].Pressure);
        Assert.False(rows["露营"].Gap);
        Assert.True(rows["新中式"].Pressure > rows["露营"].Pressure, $"{rows["新中式"]} vs {rows["露营"]}");
        Assert.True(rows["新中式"].Pressure > rows["山系"].Pressure, $"{rows["新中式"]} vs {rows["山系"]}");
    }

    [Fact]
    public void SupplyGap_ListingNamedOnlyByProductOfTopicQueries_CountsForTopic()
    {
        using var f = new SqlModelFixture();
        Topics(f.Conn,
            ("露营", 2800.0, 2000.0, 1.39, 5500, 6000.0, 8, 31),
            ("山系", 1900.0, 1300.0, 1.44, 3500, 4000.0, 8, 28));

        // shoppers ask for 折叠椅 with 露营 (and rarely alone); 便携 is said with 露营 as much, but it says how a
        // product is, not what it is; the listings name the chair, not the trend
        f.Conn.Execute("""
            INSERT INTO term_daily_hist BY NAME
            SELECT * FROM (VALUES ('折叠椅', 'category'), ('户外', 'scene'), ('保温杯', 'category'), ('冲锋衣', 'category')) v(term, term_type);
            INSERT INTO supply_sets SELECT dt, set_id, source, docs, mentions, unnest(terms) FROM (VALUES
                (DATE '2026-10-20', 900, 'search', 40, 40, ['折叠椅', '露营', '便携']),
                (DATE '2026-10-20', 901, 'search', 10, 10, ['折叠椅']),
                (DATE '2026-10-20', 902, 'search', 30, 30, ['露营', '便携']),
                (DATE '2026-10-20', 903, 'search', 20, 20, ['保温杯']),
                (DATE '2026-10-22', 910, 'product', 5, 5, ['户外', '折叠椅', '便携']),
                (DATE '2026-10-22', 911, 'product', 7, 7, ['保温杯', '便携']),
                (DATE '2026-10-22', 912, 'product', 3, 3, ['冲锋衣', '户外', '折叠椅'])) v(dt, set_id, source, docs, mentions, terms);
            INSERT INTO topic_members VALUES ('t-山系', '山系', '冲锋衣', 2);
            """);

        f.Run("320_supply_gap");

        var recent = f.Conn.Query("SELECT name, listings_recent FROM supply_gap", r => (r.GetString(0), r.GetInt64(1)))
            .ToDictionary(r => r.Item1, r => r.Item2, StringComparer.Ordinal);
        Assert.Equal(8 + 5, recent["露营"]);
        Assert.Equal(8 + 3, recent["山系"]);
    }

    [Fact]
    public void SupplyGap_DressNamingTopicOnlyByItsScene_CountsForNeitherDemandNorSupply()
    {
        using var f = new SqlModelFixture();
        Topics(f.Conn, ("新中式", 1900.0, 1000.0, 1.89, 3500, 4000.0, 4, 10));

        // 通勤 joined the topic as a side word; a "连衣裙 通勤 长款" listing is a dress, while a 新中式 shirt that
        // says 通勤 is the topic's
        f.Conn.Execute("""
            INSERT INTO topic_members VALUES ('t-新中式', '新中式', '通勤', 2);
            INSERT INTO term_daily_hist BY NAME
            SELECT * FROM (VALUES ('通勤', 'scene'), ('连衣裙', 'category'), ('衬衫', 'category'), ('新中式', 'style')) v(term, term_type);
            INSERT INTO supply_sets SELECT dt, set_id, source, docs, mentions, unnest(terms) FROM (VALUES
                (DATE '2026-10-21', 900, 'search', 200, 300, ['连衣裙', '通勤']),
                (DATE '2026-10-21', 901, 'search', 50, 70, ['新中式', '通勤']),
                (DATE '2026-10-22', 910, 'product', 30, 30, ['连衣裙', '通勤', '长款']),
                (DATE '2026-10-22', 911, 'product', 2, 2, ['新中式', '衬衫', '通勤'])) v(dt, set_id, source, docs, mentions, terms);
            """);

        f.Run("320_supply_gap");

        var (recent, demand) = f.Conn.Query("SELECT listings_recent, demand_level FROM supply_gap", r => (r.GetInt64(0), r.GetDouble(1))).Single();
        Assert.Equal(4 + 2, recent);
        Assert.Equal(3500 + 70, demand);
    }

    /// <summary>
    /// Topics named by one member each, with their scores, even daily queries (one query set a day) and interest
    /// over the 35 days of the history window, and their listings: <c>recent</c> over the last 7 days, <c>before</c> over the 28 before.
    /// </summary>
    private static void Topics(DuckDBConnection conn, params (string Name, double RecentTotal, double Expected, double Growth, int Searches, double Interest, int Recent, int Before)[] topics)
    {
        conn.Execute("""
            CREATE OR REPLACE TABLE topics (topic_id VARCHAR, name VARCHAR, rank INTEGER, recent_total DOUBLE, expected_recent DOUBLE, growth_shrunk DOUBLE);
            CREATE OR REPLACE TABLE topic_daily (topic_id VARCHAR, day DATE, search_volume BIGINT, interest_index DOUBLE);
            """);
        var setId = 0;
        for (var i = 0; i < topics.Length; i++)
        {
            var t = topics[i];
            var id = "t-" + t.Name;
            conn.Execute("INSERT INTO topics VALUES ($id, $name, $rank, $recent, $expected, $growth)",
                ("id", id), ("name", t.Name), ("rank", i + 1), ("recent", t.RecentTotal), ("expected", t.Expected), ("growth", t.Growth));
            conn.Execute("INSERT INTO topic_members VALUES ($id, $name, $name, 1)", ("id", id), ("name", t.Name));
            conn.Execute("INSERT INTO term_daily_hist (term, term_type) VALUES ($name, 'style')", ("name", t.Name));
            for (var d = 0; d < 35; d++)
            {
                var day = SqlModelFixture.AsOf.AddDays(-d);
                conn.Execute("INSERT INTO topic_daily VALUES ($id, $day, $searches, $interest)",
                    ("id", id), ("day", day), ("searches", t.Searches / 35), ("interest", t.Interest / 35));
                conn.Execute("INSERT INTO supply_sets VALUES ($day, $set, 'search', $docs, $docs, $name)",
                    ("day", day), ("set", setId++), ("docs", t.Searches / 35), ("name", t.Name));

                // the listings of the window spread over its days, the remainder on its first days
                var (count, days, index) = d < 7 ? (t.Recent, 7, d) : (t.Before, 28, d - 7);
                var listings = count / days + (index < count % days ? 1 : 0);
                if (listings > 0)
                {
                    conn.Execute("INSERT INTO supply_sets VALUES ($day, $set, 'product', $docs, $docs, $name)",
                        ("day", day), ("set", setId++), ("docs", listings), ("name", t.Name));
                }
            }
        }
    }

    private static Dictionary<string, (double Opportunity, double Pressure, bool Gap)> Gaps(DuckDBConnection conn) =>
        conn.Query("SELECT name, opportunity_score, supply_pressure, gap FROM supply_gap", r => (Name: r.GetString(0), Row: (r.GetDouble(1), r.GetDouble(2), r.GetBoolean(3))))
            .ToDictionary(r => r.Name, r => r.Row, StringComparer.Ordinal);
}
