using TrendInsight.Reports.Model;

namespace TrendInsight.Reports.Tests.TestData;

/// <summary>Report models for the renderer tests: a full week, an empty period, a single day, a topic without segments.</summary>
internal static class SampleReports
{
    public const string ScriptComment = "<script>window.__xss = 1; alert(1)</script>太好看了";
    public const string ImgComment = "<img src=x onerror=\"window.__xss = 2\">求链接！！";
    public const string ScriptTopic = "</script><script>window.__xss=3</script>復古";

    public static readonly DateOnly AsOf = new(2026, 11, 22);

    public static TrendReport Full()
    {
        var topics = new List<TopicTrend>
        {
            Topic(1, "露营", TopicLifecycle.Rising, 142.5, 38.2, 86.4, 52_310, seed: 1, slope: 1.8) with
            {
                Attributes =
                [
                    new("style", "复古", 1_240, 2.1), new("style", "山系", 980, 3.4), new("material", "灯芯绒", 610, 2.8),
                    new("material", "防水面料", 420, 1.9), new("colour", "卡其色", 530, 1.7), new("colour", "军绿", 300, 1.4),
                    new("scene", "露营", 2_100, 4.2), new("scene", "野餐", 760, 2.2), new("category", "天幕", 880, 5.1),
                    new("category", "折叠椅", 640, 3.3), new("crowd", "宝妈", 210, 1.2),
                ],
                Evidence =
                [
                    new("周末去露营🏕️，天幕真的絕了！求同款連結", 3_412, "c-1001", AsOf.AddDays(-1)),
                    new(ScriptComment, 2_980, "c-1002", AsOf.AddDays(-2)),
                    new(ImgComment, 1_875, "c-1003", AsOf.AddDays(-3)),
                    new("<b>灯芯绒</b>外套配露营椅，氛围感拉满 & 很出片", 1_204, "c-1004", AsOf.AddDays(-4)),
                    new("精緻露營裝備清單來了～收藏了\u2028慢慢買", 988, "c-1005", AsOf.AddDays(-5)),
                ],
                TopContent =
                [
                    new("c-2001", "🏕️ 秋冬露营穿搭｜复古山系 灯芯绒一衣多穿", 184_200, "douyin"),
                    new("c-2002", "新手露营装备清单 <必看>", 96_300, "xiaohongshu"),
                    new("c-2003", "周末citywalk+露营 vlog", 51_800, "bilibili"),
                ],
            },
            Topic(2, "多巴胺穿搭", TopicLifecycle.Peaking, 86.0, 21.7, 64.1, 31_020, seed: 2, slope: 0.9),
            Topic(3, "美拉德", TopicLifecycle.Emerging, null, 17.9, 41.8, 12_480, seed: 3, slope: 2.4),
            Topic(4, "国风", TopicLifecycle.Rising, 38.4, 9.6, 58.3, 40_115, seed: 4, slope: 0.5) with
            {
                Segments = [],
                Supply = null,
                Evidence = [],
                TopContent = [],
            },
            Topic(5, ScriptTopic, TopicLifecycle.Stable, 12.0, 2.1, 22.0, 4_020, seed: 5, slope: 0.1),
            Topic(6, "citywalk", TopicLifecycle.Rising, 27.3, 6.4, 33.2, 9_870, seed: 6, slope: 0.4),
        };
        var declining = new List<TopicTrend>
        {
            Topic(1, "多巴胺", TopicLifecycle.Declining, -41.2, -12.3, 18.4, 6_310, seed: 7, slope: -1.1),
            Topic(2, "老钱风", TopicLifecycle.Declining, -18.7, -4.2, 12.1, 3_150, seed: 8, slope: -0.4),
        };
        return new TrendReport(AsOf, AsOf.AddDays(-6), AsOf.AddDays(-34), AsOf.AddDays(-7))
        {
            GeneratedAt = new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero),
            Volume = new DataVolume { DaysWithData = 35, Searches = 4_812_330, Comments = 612_044, Engagements = 9_874_120, Contents = 48_210, Products = 12_904 },
            Topics = topics,
            Declining = declining,
            Breakouts =
            [
                new TermTrend("美拉德", 8_120, 9_310.5, 0, null, 90.1) { Topic = "美拉德", IsBreakout = true, Lifecycle = TopicLifecycle.Emerging, Score = 9.1 },
                new TermTrend("<svg onload=alert(1)>", 1_020, 1_104.0, 0, null, 31.9) { IsBreakout = true, Lifecycle = TopicLifecycle.Emerging, Score = 3.2 },
            ],
            NewWords = [new("美拉德", 8_120, 7.42, 3.11), new("多巴胺穿搭", 6_230, 6.10, 2.87), new("city walk", 1_104, 5.02, null)],
            Terms =
            [
                new TermTrend("天幕", 12_300, 15_020.4, 6_210.8, 141.2, 44.0) { Topic = "露营", Type = "category", Lifecycle = TopicLifecycle.Rising, Score = 8.8 },
                new TermTrend("灯芯绒", 6_100, 7_420.0, 3_650.2, 103.3, 21.3) { Topic = "露营", Type = "material", Lifecycle = TopicLifecycle.Rising, Score = 6.4 },
                new TermTrend("美拉德", 8_120, 9_310.5, 0, null, 90.1) { Topic = "美拉德", IsBreakout = true, Lifecycle = TopicLifecycle.Emerging, Score = 9.1 },
            ],
            DataQuality =
            [
                new FeedQuality("search", 4_830_112, 4_812_330, 12_001, 5_781) { Files = 35 },
                new FeedQuality("comments", 615_900, 612_044, 2_911, 945) { Files = 35 },
                new FeedQuality("engagement", 9_880_000, 9_874_120, 3_300, 2_580) { Files = 70 },
                new FeedQuality("content", 48_400, 48_210, 120, 70) { Files = 35 },
                new FeedQuality("products", 12_950, 12_904, 46, 0) { Files = 5 },
            ],
        };
    }

    public static TrendReport Empty() =>
        new(AsOf, AsOf.AddDays(-6), null, null) { GeneratedAt = new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero) };

    public static TrendReport SingleDay()
    {
        var topic = Topic(1, "露营", TopicLifecycle.Unknown, null, 0, 12.0, 320, seed: 9, slope: 0) with
        {
            Series = [new SeriesPoint(AsOf, 12.0, 320)],
            Forecast = [],
            Segments = [],
            Supply = null,
        };
        return new TrendReport(AsOf, AsOf, null, null)
        {
            GeneratedAt = new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero),
            Volume = new DataVolume { DaysWithData = 1, Searches = 1_200, Comments = 300, Engagements = 4_000, Contents = 40 },
            Topics = [topic],
            DataQuality = [new FeedQuality("search", 1_210, 1_200, 7, 3) { Files = 1 }],
        };
    }

    private static TopicTrend Topic(int rank, string name, TopicLifecycle stage, double? growth, double z, double index, long mentions, int seed, double slope)
    {
        var series = new List<SeriesPoint>();
        var start = AsOf.AddDays(-34);
        for (var d = 0; d < 35; d++)
        {
            // Deterministic wiggle: weekly seasonality plus a trend, no random numbers.
            var value = Math.Max(1, index * 0.45 + slope * d + 6 * Math.Sin((d + seed) * 2 * Math.PI / 7));
            series.Add(new SeriesPoint(start.AddDays(d), Math.Round(value, 2), (long)(value * 90)));
        }

        var last = series[^1].Index;
        var forecast = Enumerable.Range(1, 14)
            .Select(i => new ForecastPoint(AsOf.AddDays(i), last + slope * i, last + slope * i - 2 - 0.8 * i, last + slope * i + 2 + 0.8 * i))
            .ToList();
        return new TopicTrend(rank, name, stage, growth, z, index)
        {
            Counts = new SignalCounts
            {
                Searches = mentions * 6 / 10,
                ContentMentions = mentions / 10,
                CommentMentions = mentions * 3 / 10,
                Engagements = mentions * 37,
                Gmv = mentions * 12.5m,
            },
            BaselineMentions = growth is { } g ? (long)(mentions / (1 + g / 100)) : 0,
            Series = series,
            Forecast = forecast,
            ForecastError = 0.12 + seed / 100.0,
            RelatedTerms = [new("天幕", 12_300, 141.2), new("露營", 2_200, 88.0), new("折叠椅", 4_100, 61.5), new("围炉煮茶", 3_300, null)],
            Attributes = [new("style", "复古", 400, 1.6), new("colour", "克莱因蓝", 220, 2.2), new("scene", "通勤", 180, 1.3)],
            Segments =
            [
                // Deliberately not in natural order: the renderers sort ages ascending and tiers from 1 down.
                // Leads as the mart says: 18-23 and new1 lead; women (TGI 138) are over-represented but not significantly here.
                new("age_band", "41-50", 900, 0.07, 41), new("age_band", "18-23", 4_100, 0.31, 182) { Leads = true, Z = 14.2 }, new("age_band", "31-40", 2_300, 0.17, 74),
                new("age_band", "24-30", 3_900, 0.29, 131), new("age_band", "unknown", 2_100, 0.16, 100),
                new("gender", "f", 9_400, 0.71, 138) { Z = 2.1 }, new("gender", "m", 3_800, 0.29, 61),
                new("city_tier", "new1", 3_900, 0.29, 146) { Leads = true, Z = 6.3 }, new("city_tier", "1", 3_100, 0.23, 117), new("city_tier", "2", 2_800, 0.21, 96),
                new("city_tier", "3", 2_000, 0.15, 72),
            ],
            Supply = (growth ?? 100) > 27.75
                ? new SupplyGap(growth ?? 100, 18.5, 1_204, 64.3) { IsGap = true, Reason = "growth", ListingsPer1kDemand = 1.1, MedianListingsPer1k = 4.8 }
                : new SupplyGap(growth ?? 100, 18.5, 1_204, 0) { ListingsPer1kDemand = 6.2, MedianListingsPer1k = 4.8 },
            Movement = rank switch
            {
                1 => new ListMovement(3, 2, false, 4),
                2 => new ListMovement(1, -1, false, 6),
                3 => new ListMovement(null, null, true, 1),
                _ => new ListMovement(rank, 0, false, 2),
            },
            Evidence = [new("質感很好，顏色也正 👍", 512, "c-3001", AsOf.AddDays(-2)), new("已入手，和图片一样", 300, "c-3002", AsOf.AddDays(-1))],
            TopContent = [new("c-4001", name + " 穿搭合集", 12_000, "douyin")],
        };
    }
}
