namespace TrendInsight.Analysis.Tests;

public sealed class TopicEvaluatorTests
{
    private static readonly DateOnly Day = new(2026, 11, 21);

    private static KnownTrend Trend(string id, string[] terms, bool? lags = null, Dictionary<string, string>? leads = null) =>
        new(id, terms, Day.AddDays(-10), Day.AddDays(10), Target: true, leads ?? [], lags);

    [Fact]
    public void ScoreDay_SplitAndMergedRows_CountsFragmentationMergesAndRecall()
    {
        KnownTrend[] truth =
        [
            Trend("maillard", ["美拉德", "美拉德穿搭", "焦糖色", "灯芯绒"]),
            Trend("down-jacket", ["羽绒服", "面包服"]),
            Trend("scarf", ["围巾", "披肩"]),
            Trend("citywalk", ["citywalk", "帆布鞋"]),
        ];
        TopicEvaluator.Row[] rows =
        [
            new(1, "t-美拉德", "美拉德", ["美拉德", "美拉德穿搭"]),
            new(2, "t-灯芯绒", "灯芯绒", ["灯芯绒", "焦糖色"]),
            new(3, "t-羽绒服", "羽绒服", ["羽绒服", "围巾", "面包服"]),
            new(4, "t-好物分享", "好物分享", ["好物分享"]),
        ];

        var score = TopicEvaluator.ScoreDay(Day, rows, [], new Dictionary<string, (double, double)>(), truth, top: 10);

        Assert.Equal(["maillard"], score.Fragmented);
        Assert.Equal(["羽绒服 (down-jacket+scarf)"], score.Merged);
        Assert.Equal(3, score.TargetsFound);
        Assert.Equal(0.75, score.Precision);
        Assert.Null(score.RankOf["citywalk"]);
        Assert.Equal(1, score.RankOf["maillard"]);
    }

    [Fact]
    public void ScoreDay_LeadsAndSupplyGaps_ComparedWithThePlantedOnes()
    {
        KnownTrend[] truth =
        [
            Trend("citywalk", ["citywalk", "帆布鞋"], lags: true, leads: new() { ["gender"] = "f" }),
            Trend("camping", ["露营", "帐篷"], lags: false),
        ];
        TopicEvaluator.Row[] rows = [new(1, "t-citywalk", "citywalk", ["citywalk"]), new(2, "t-露营", "露营", ["露营", "帐篷"])];
        (string, string, string)[] leads = [("t-citywalk", "gender", "f"), ("t-露营", "age_band", "31-40")];
        var gaps = new Dictionary<string, (double, double)> { ["t-citywalk"] = (40, 40), ["t-露营"] = (0, -12) };

        var score = TopicEvaluator.ScoreDay(Day, rows, leads, gaps, truth, top: 10);

        Assert.Equal((2, 1), (score.LeadsShown, score.LeadsRight));
        Assert.Equal((1, 1), (score.PlantedLeads, score.PlantedLeadsShown));
        Assert.Equal((1, 1), (score.GapPairs, score.GapPairsOrdered));
    }

    [Fact]
    public void ScoreDay_NoGapOnEitherSide_OrdersBySupplyPressure()
    {
        KnownTrend[] truth =
        [
            Trend("new-chinese", ["新中式", "马面裙"], lags: true),
            Trend("camping", ["露营", "帐篷"], lags: false),
            Trend("gorpcore", ["山系", "冲锋衣"], lags: false),
        ];
        TopicEvaluator.Row[] rows =
        [
            new(1, "t-新中式", "新中式", ["新中式", "马面裙"]),
            new(2, "t-露营", "露营", ["露营", "帐篷"]),
            new(3, "t-山系", "山系", ["山系", "冲锋衣"]),
        ];
        var gaps = new Dictionary<string, (double, double)> { ["t-新中式"] = (0, 8.5), ["t-露营"] = (0, -20.1), ["t-山系"] = (0, 12.0) };

        var score = TopicEvaluator.ScoreDay(Day, rows, [], gaps, truth, top: 10);

        Assert.Equal((2, 1), (score.GapPairs, score.GapPairsOrdered));
    }

    [Fact]
    public void Load_UserListOfKnownTrends_ReadsTermsWindowAndLeads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"truth-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {"trends": [
              {"id": "围炉煮茶", "terms": ["围炉煮茶", "烤橘子"], "from": "2026-11-01", "to": "2026-12-15",
               "leads": {"age_band": "24-30"}, "supply_gap": true},
              {"id": "羽绒服", "terms": ["羽绒服"], "from": "2026-11-05", "to": "2026-12-31", "target": false}
            ]}
            """);
        try
        {
            var trends = KnownTrend.Load(path);
            Assert.Equal(2, trends.Count);
            Assert.True(trends[0].ActiveOn(new DateOnly(2026, 11, 21)));
            Assert.Equal("24-30", trends[0].LeadValues["age_band"]);
            Assert.True(trends[0].SupplyLags);
            Assert.False(trends[1].Target);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
