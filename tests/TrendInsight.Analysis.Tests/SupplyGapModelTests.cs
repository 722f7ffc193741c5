namespace TrendInsight.Analysis.Tests;

/// <summary>pipelines/sql/320_supply_gap.sql on hand-made topics and daily series.</summary>
public sealed class SupplyGapModelTests
{
    [Fact]
    public void SupplyGap_LaggingListingsAgainstWellSuppliedTopicMuchReviewed_LaggingOrderedFirst()
    {
        using var f = new SqlModelFixture();

        // over 14 days: 露营 has 2,750 queries, 22 listings and many 测评 posts (a big interest); citywalk
        // 1,700 queries and 11 listings; 新中式 1,850 and 12; 山系 2,030 and 22; 围巾, a staple, 930 and 43
        f.Conn.Execute("""
            CREATE OR REPLACE TABLE topics AS
            SELECT * FROM (VALUES
                ('t-露营', '露营', 1, 4000.0, 2900.0, 1.36),
                ('t-citywalk', 'citywalk', 2, 2100.0, 970.0, 2.16),
                ('t-新中式', '新中式', 3, 2050.0, 1200.0, 1.71),
                ('t-山系', '山系', 4, 2090.0, 1500.0, 1.39),
                ('t-围巾', '围巾', 5, 1010.0, 520.0, 1.93)
            ) v(topic_id, name, rank, recent_total, expected_recent, growth_shrunk);
            CREATE OR REPLACE TABLE topic_daily AS
            SELECT v.topic_id, DATE '2026-10-24' - d::INTEGER AS day,
                   (v.searches / 14)::BIGINT AS search_volume, v.interest / 14.0 AS interest_index,
                   (CASE WHEN d < 14 THEN v.listings_level / 14.0 ELSE v.listings_before / 28.0 END)::BIGINT AS product_listings
            FROM range(42) r(d), (VALUES
                ('t-露营', 2750, 8000.0, 28, 84),
                ('t-citywalk', 1700, 4200.0, 14, 28),
                ('t-新中式', 1850, 4100.0, 14, 28),
                ('t-山系', 2030, 4200.0, 28, 84),
                ('t-围巾', 930, 2000.0, 42, 112)
            ) v(topic_id, searches, interest, listings_level, listings_before);
            """);

        f.Run("320_supply_gap");

        var rows = f.Conn.Query("SELECT name, opportunity_score, supply_pressure FROM supply_gap", r => (Name: r.GetString(0), Opportunity: r.GetDouble(1), Pressure: r.GetDouble(2)))
            .ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var lagging in new[] { "citywalk", "新中式" })
        {
            foreach (var keeping in new[] { "露营", "山系" })
            {
                Assert.True(rows[lagging].Pressure > rows[keeping].Pressure, $"{lagging} {rows[lagging]} vs {keeping} {rows[keeping]}");
                Assert.True(rows[lagging].Opportunity >= rows[keeping].Opportunity, $"{lagging} {rows[lagging]} vs {keeping} {rows[keeping]}");
            }
        }

        Assert.True(rows["围巾"].Pressure < 0);
        Assert.Equal(0, rows["围巾"].Opportunity);
    }
}
