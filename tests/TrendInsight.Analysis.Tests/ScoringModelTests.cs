using TrendInsight.Core.Config;

namespace TrendInsight.Analysis.Tests;

/// <summary>pipelines/sql/120_scores.sql on hand-made series.</summary>
public sealed class ScoringModelTests
{
    private static void Series(SqlModelFixture f, string key, double baselinePerWeek, double recentPerWeek)
    {
        using var appender = f.Conn.CreateAppender("series_in");
        for (var d = -34; d <= 0; d++)
        {
            var perWeek = d > -7 ? recentPerWeek : baselinePerWeek;
            var v = perWeek / 7;
            appender.CreateRow().AppendValue(key).AppendValue(SqlModelFixture.AsOf.AddDays(d)).AppendValue(v).AppendValue(v).EndRow();
        }
    }

    private static Dictionary<string, (double Score, double Z, double Growth, bool Breakout, string Stage)> Score(SqlModelFixture f)
    {
        f.Conn.Execute("""
            CREATE OR REPLACE TABLE weekday_factors (wd INTEGER, factor DOUBLE);
            CREATE OR REPLACE TABLE series AS
            SELECT key, day, interest, interest AS search_part, 0.0 AS content_part, 0.0 AS comment_part, 0.0 AS engagement_part,
                   CAST(round(interest) AS BIGINT) AS search_volume, 0::BIGINT AS content_mentions, 0::BIGINT AS comment_mentions, 0::BIGINT AS product_listings
            FROM series_in;
            """);
        f.Run("120_scores");
        return f.Conn.Query("SELECT key, score, z, growth_shrunk, breakout, stage FROM scores",
                r => (Key: r.GetString(0), Score: r.GetDouble(1), Z: r.GetDouble(2), Growth: r.GetDouble(3), Breakout: r.GetBoolean(4), Stage: r.GetString(5)))
            .ToDictionary(x => x.Key, x => (x.Score, x.Z, x.Growth, x.Breakout, x.Stage));
    }

    private static SqlModelFixture Fixture(AnalysisConfig? config = null)
    {
        var f = new SqlModelFixture(config);
        f.Conn.Execute("CREATE TABLE series_in (key VARCHAR, day DATE, interest DOUBLE, unused DOUBLE)");
        return f;
    }

    [Fact]
    public void Scores_ThreeToNineAgainstThreeThousandToSixThousand_LargeRanksHigher()
    {
        // support floors off, so that both are scored and only the prior and the significance decide
        using var f = Fixture(new AnalysisConfig { MinSupport = 0, MinActiveDays = 1 });
        Series(f, "小众", 3, 9);
        Series(f, "大众", 3000, 6000);
        var s = Score(f);
        Assert.True(s["大众"].Score > s["小众"].Score, $"大众 {s["大众"].Score} vs 小众 {s["小众"].Score}");
        Assert.True(s["小众"].Growth < 1.2, $"shrunk growth of 3 → 9 is {s["小众"].Growth}");
        Assert.InRange(s["大众"].Growth, 1.9, 2.0);
        Assert.True(s["大众"].Z > 20);
    }

    [Fact]
    public void Scores_ThreeToNineWithDefaultSupport_IsNotScoredAtAll()
    {
        using var f = Fixture();
        Series(f, "小众", 3, 9);
        Series(f, "大众", 3000, 6000);
        var s = Score(f);
        Assert.False(s.ContainsKey("小众"));
        Assert.True(s.ContainsKey("大众"));
    }

    [Fact]
    public void Scores_NoBaselineAboveTheFloor_IsABreakoutAndEmerging()
    {
        using var f = Fixture();
        using (var appender = f.Conn.CreateAppender("series_in"))
        {
            for (var d = -6; d <= 0; d++)
            {
                var v = 20.0 * (d + 8);
                appender.CreateRow().AppendValue("美拉德").AppendValue(SqlModelFixture.AsOf.AddDays(d)).AppendValue(v).AppendValue(v).EndRow();
            }
        }

        Series(f, "连衣裙", 3000, 3000);
        var s = Score(f);
        Assert.True(s["美拉德"].Breakout);
        Assert.Equal("emerging", s["美拉德"].Stage);
        Assert.False(s["连衣裙"].Breakout);
        Assert.Equal("stable", s["连衣裙"].Stage);
        Assert.True(Math.Abs(s["连衣裙"].Z) < 1);
    }

    [Fact]
    public void Trends_GenericWordsAndSingleCharacters_DoNotRankButAreScored()
    {
        // jieba's real IDF table; every term rises the same way, only the vocabulary decides
        using var f = Fixture();
        f.Conn.ExecuteNonQuery(f.Models.LoadStatement("jieba_idf"), ("path", TrendInsight.Text.KeywordExtractor.DefaultIdfPath));
        string[] generic = ["颜色", "日常", "推荐", "女生", "男生", "秋冬", "春秋", "裙"];
        string[] specific = ["美拉德", "户外", "冲锋衣", "温柔"];
        foreach (var term in generic.Concat(specific))
        {
            Series(f, term, 700, 2100);
        }

        // 美拉德 and 户外 are lexicon words (户外's IDF is below the floor), 温柔 a discovered word
        f.Conn.Execute("""
            INSERT INTO term_daily_hist (dt, term, term_type) VALUES (DATE '2026-10-20', '美拉德', 'style'), (DATE '2026-10-20', '户外', 'scene');
            INSERT INTO known_words VALUES ('温柔');
            """);
        Score(f);
        f.Run("130_trends");
        var rows = f.Conn.Query("SELECT term, rank IS NOT NULL, generic, idf FROM trends",
                r => (Term: r.GetString(0), Ranked: r.GetBoolean(1), Generic: r.GetBoolean(2), Idf: r.GetDouble(3)))
            .ToDictionary(x => x.Term);
        Assert.Equal(generic.Length + specific.Length, rows.Count);
        foreach (var term in generic)
        {
            Assert.True(rows[term].Generic && !rows[term].Ranked, $"{term}: idf {rows[term].Idf}, ranked {rows[term].Ranked}");
        }

        foreach (var term in specific)
        {
            Assert.True(!rows[term].Generic && rows[term].Ranked, $"{term}: idf {rows[term].Idf}, generic {rows[term].Generic}");
        }
    }

    [Fact]
    public void Trends_IdfFloorOff_OnlySingleCharactersAreHeldBack()
    {
        using var f = Fixture(new AnalysisConfig { IdfFloor = 0 });
        f.Conn.ExecuteNonQuery(f.Models.LoadStatement("jieba_idf"), ("path", TrendInsight.Text.KeywordExtractor.DefaultIdfPath));
        Series(f, "颜色", 700, 2100);
        Series(f, "裙", 700, 2100);
        Score(f);
        f.Run("130_trends");
        var ranked = f.Conn.Query("SELECT term FROM trends WHERE rank IS NOT NULL", r => r.GetString(0));
        Assert.Equal(["颜色"], ranked);
    }

    /// <summary>Daily interest for day d (−34 … 0 = as of) of a planted shape, with weekday swing and noise.</summary>
    private static double Shape(string shape, int d, Random random)
    {
        double[] weekday = [0.94, 0.93, 0.95, 0.97, 1.05, 1.22, 1.18];
        static double Bump(double d, double peak, double width, double height, double floor) =>
            floor + height * Math.Exp(-0.5 * Math.Pow((d - peak) / width, 2));
        var level = shape switch
        {
            // nothing until ten days ago, then growing fast
            "emerging" => d < -10 ? 0 : 12 * Math.Exp((d + 10) * 0.17),
            // rising toward a peak two weeks ahead (a week before the peak and more)
            "rising" => Bump(d, 14, 18, 900, 60),
            "rising_week_before" => Bump(d, 7, 14, 900, 60),
            // at its peak now, after weeks of rise (露营)
            "peaking" => Bump(d, -1, 14, 900, 60),
            // peaked three weeks ago (多巴胺穿搭)
            "declining" => Bump(d, -24, 12, 900, 60),
            // large and flat (连衣裙)
            _ => 600,
        };
        // about the day-to-day noise of counts near a thousand (sd ≈ 3 %)
        var noise = 1 + 0.05 * (random.NextDouble() * 2 - 1);
        return level * noise * weekday[(d + 70) % 7];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Scores_PlantedShapes_GetTheirStageAndAgreeWithGrowth(int seed)
    {
        using var f = Fixture();
        var random = new Random(seed);
        string[] shapes = ["emerging", "rising", "rising_week_before", "peaking", "declining", "stable"];
        using (var appender = f.Conn.CreateAppender("series_in"))
        {
            foreach (var shape in shapes)
            {
                for (var d = -34; d <= 0; d++)
                {
                    var v = Shape(shape, d, random);
                    appender.CreateRow().AppendValue(shape).AppendValue(SqlModelFixture.AsOf.AddDays(d)).AppendValue(v).AppendValue(v).EndRow();
                }
            }
        }

        var s = Score(f);
        Assert.Equal("emerging", s["emerging"].Stage);
        Assert.Equal("rising", s["rising"].Stage);
        Assert.Equal("rising", s["rising_week_before"].Stage);
        Assert.Equal("peaking", s["peaking"].Stage);
        Assert.Equal("declining", s["declining"].Stage);
        Assert.Equal("stable", s["stable"].Stage);
        foreach (var (key, v) in s)
        {
            if (v.Stage is "emerging" or "rising" or "peaking")
            {
                Assert.True(v.Growth >= 1, $"{key}: {v.Stage} with growth {v.Growth:F2}");
            }
            else if (v.Stage == "declining")
            {
                Assert.True(v.Growth <= 1, $"{key}: declining with growth {v.Growth:F2}");
            }
        }
    }
}
