using System.Globalization;
using TrendInsight.Core;
using TrendInsight.DuckDb;
using TrendInsight.Text;

namespace TrendInsight.Analysis.Tests;

/// <summary>
/// Writes a raw lake (the schema of pipelines/README.md) with planted trends of known shape, straight
/// with DuckDB, deterministically (fixed seed). Day t runs from <see cref="Start"/> (t = 0) for
/// <see cref="Days"/> days. Daily search volume per planted topic:
/// <list type="bullet">
/// <item>露营 (露营, 帐篷, 天幕, 露营灯): a bump peaking on day <see cref="CampingPeak"/> — 15 + 700·exp(−(t−60)²/200);
///   product listings stay flat (2 a day): the lagging supply.</item>
/// <item>马面裙 (马面裙, 国风, 新中式): a linear ramp from day 30 — 10 + 12·max(0, t−30), skewed to 18–23 and
///   women; listings grow with demand.</item>
/// <item>飞盘: a bump that peaked on day 38 — declining by day 53.</item>
/// <item>连衣裙 (3,000 a day) and 手机壳 (1,500 a day): flat but large, with a weekend lift.</item>
/// <item><see cref="Filler"/>: flat noise, 2–25 a day each.</item>
/// </list>
/// Counts are Poisson around these means; comments, content, engagement and listings follow them.
/// </summary>
internal static class FixtureLake
{
    public static readonly DateOnly Start = new(2026, 9, 1);
    public const int Days = 75;
    public const int CampingPeak = 60;

    public static readonly string[] Filler =
    [
        "保温杯", "台灯", "鼠标垫", "耳机", "雨伞", "拖鞋", "牙刷", "毛巾", "枕头", "闹钟",
        "笔记本", "书包", "钥匙扣", "花瓶", "地毯", "窗帘", "衣架", "水杯", "餐具", "抱枕",
        "发夹", "围巾", "手套", "袜子", "腰带", "钱包", "香薰", "蜡烛", "相框", "贴纸",
        "手账", "胶带", "画笔", "颜料", "拼图", "积木", "风扇", "加湿器", "电饭煲", "烤箱",
    ];

    private static readonly string[] AgeBands = ["<18", "18-23", "24-30", "31-40", "41-50", "50+"];
    private static readonly string[] CityTiers = ["1", "new1", "2", "3", "4", "5"];
    private static readonly double[] GeneralAge = [.05, .25, .35, .2, .1, .05];
    private static readonly double[] CampingAge = [.02, .15, .45, .28, .07, .03];
    private static readonly double[] HanfuAge = [.05, .7, .15, .05, .03, .02];
    private static readonly double[] GeneralCity = [.15, .2, .2, .2, .15, .1];

    public static DateOnly Day(int t) => Start.AddDays(t);

    public static double Camping(int t) => 15 + 700 * Math.Exp(-Math.Pow(t - CampingPeak, 2) / 200);

    public static double Hanfu(int t) => 10 + 12 * Math.Max(0, t - 30);

    public static double Frisbee(int t) => 15 + 500 * Math.Exp(-Math.Pow(t - 38, 2) / 98);

    public static double Weekday(int t) => Day(t).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.3 : 0.88;

    /// <summary>Writes <c>lake/raw/*</c> under <paramref name="dataRoot"/> for days 0 … <paramref name="lastDay"/>.</summary>
    public static void Write(string dataRoot, TextNormalizer normalizer, int lastDay = Days - 1, int seed = 20261122)
    {
        var rng = new Random(seed);
        var layout = new DataLayout(dataRoot);
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 2 });
        using var conn = db.Connect();
        conn.Execute("""
            CREATE TABLE search (event_id VARCHAR, ts TIMESTAMPTZ, query VARCHAR, query_norm VARCHAR, count BIGINT, user_id VARCHAR, age_band VARCHAR, gender VARCHAR, city_tier VARCHAR, platform VARCHAR, source_file VARCHAR, dt DATE);
            CREATE TABLE comments (event_id VARCHAR, ts TIMESTAMPTZ, content_id VARCHAR, text VARCHAR, text_norm VARCHAR, likes BIGINT, user_id VARCHAR, age_band VARCHAR, gender VARCHAR, city_tier VARCHAR, platform VARCHAR, source_file VARCHAR, dt DATE);
            CREATE TABLE engagement (event_id VARCHAR, ts TIMESTAMPTZ, content_id VARCHAR, action VARCHAR, count BIGINT, gmv DECIMAL(18,2), user_id VARCHAR, age_band VARCHAR, gender VARCHAR, city_tier VARCHAR, platform VARCHAR, source_file VARCHAR, dt DATE);
            CREATE TABLE content (content_id VARCHAR, ts TIMESTAMPTZ, title VARCHAR, title_norm VARCHAR, tags VARCHAR[], tags_norm VARCHAR[], author_id VARCHAR, category VARCHAR, platform VARCHAR, source_file VARCHAR, dt DATE);
            CREATE TABLE products (product_id VARCHAR, ts TIMESTAMPTZ, title VARCHAR, title_norm VARCHAR, category VARCHAR, price DECIMAL(18,2), sales BIGINT, shop_id VARCHAR, source_file VARCHAR, dt DATE);
            """);

        var fillerRates = Filler.Select(_ => 2 + rng.NextDouble() * 23).ToArray();
        var live = new List<(string Id, int Day, double[] Age, double Female)>();
        long seq = 0;
        string Id(string prefix) => prefix + (++seq).ToString(CultureInfo.InvariantCulture);

        using (var search = conn.CreateAppender("search"))
        using (var comments = conn.CreateAppender("comments"))
        using (var content = conn.CreateAppender("content"))
        using (var products = conn.CreateAppender("products"))
        using (var engagement = conn.CreateAppender("engagement"))
        {
            for (var t = 0; t <= lastDay; t++)
            {
                var day = Day(t);
                var ts = BusinessCalendar.FromLocal(day.ToDateTime(new TimeOnly(12, 0)));
                var w = Weekday(t);

                void Searches(string[] queries, double volume, double[] age, double female)
                {
                    foreach (var q in queries)
                    {
                        for (var k = 0; k < 4; k++)
                        {
                            var n = Poisson(rng, volume / queries.Length / 4);
                            if (n == 0)
                            {
                                continue;
                            }

                            search.CreateRow().AppendValue(Id("s")).AppendValue(ts.AddMinutes(rng.Next(600))).AppendValue(q).AppendValue(normalizer.Normalize(q))
                                .AppendValue((long)n).AppendValue("u" + rng.Next(100000).ToString(CultureInfo.InvariantCulture))
                                .AppendValue(Pick(rng, AgeBands, age)).AppendValue(rng.NextDouble() < female ? "f" : "m")
                                .AppendValue(Pick(rng, CityTiers, GeneralCity)).AppendValue("douyin").AppendValue("fixture.jsonl").AppendValue(day).EndRow();
                        }
                    }
                }

                void Comments(string[] texts, double mean, double[] age, double female)
                {
                    var n = Poisson(rng, mean);
                    for (var i = 0; i < n; i++)
                    {
                        var text = texts[rng.Next(texts.Length)];
                        comments.CreateRow().AppendValue(Id("c")).AppendValue(ts.AddMinutes(rng.Next(600))).AppendValue("v0").AppendValue(text).AppendValue(normalizer.Normalize(text))
                            .AppendValue((long)Math.Min(5000, (int)(-Math.Log(1 - rng.NextDouble()) * 80)))
                            .AppendValue("u" + rng.Next(100000).ToString(CultureInfo.InvariantCulture))
                            .AppendValue(Pick(rng, AgeBands, age)).AppendValue(rng.NextDouble() < female ? "f" : "m")
                            .AppendValue(Pick(rng, CityTiers, GeneralCity)).AppendValue("xiaohongshu").AppendValue("fixture.jsonl").AppendValue(day).EndRow();
                    }
                }

                void Content(string[] titles, string[][] tags, string category, double mean, double[] age, double female)
                {
                    var n = Poisson(rng, mean);
                    for (var i = 0; i < n; i++)
                    {
                        var k = rng.Next(titles.Length);
                        var id = Id("v");
                        content.CreateRow().AppendValue(id).AppendValue(ts).AppendValue(titles[k]).AppendValue(normalizer.Normalize(titles[k]))
                            .AppendValue(tags[k]).AppendValue(tags[k].Select(x => normalizer.Normalize(x.TrimStart('#'))).ToArray())
                            .AppendValue("a1").AppendValue(category).AppendValue("douyin").AppendValue("fixture.jsonl").AppendValue(day).EndRow();
                        live.Add((id, t, age, female));
                    }
                }

                void Products(string[] titles, string category, double mean)
                {
                    var n = Poisson(rng, mean);
                    for (var i = 0; i < n; i++)
                    {
                        var title = titles[rng.Next(titles.Length)];
                        products.CreateRow().AppendValue(Id("p")).AppendValue(ts).AppendValue(title).AppendValue(normalizer.Normalize(title)).AppendValue(category)
                            .AppendValue(199.00m).AppendValue((long)rng.Next(50)).AppendValue("shop1").AppendValue("fixture.csv").AppendValue(day).EndRow();
                    }
                }

                var camping = Camping(t) * w;
                var hanfu = Hanfu(t) * w;
                var frisbee = Frisbee(t) * w;
                Searches(["露营", "露营帐篷", "帐篷 推荐", "天幕 露营", "露营灯", "露營 天幕"], camping, CampingAge, 0.5);
                Searches(["马面裙", "国风马面裙", "马面裙 搭配", "新中式 马面裙", "國風 馬面裙"], hanfu, HanfuAge, 0.9);
                Searches(["飞盘", "飞盘 教学"], frisbee, GeneralAge, 0.5);
                Searches(["连衣裙", "连衣裙 夏季"], 3000 * w, GeneralAge, 0.6);
                Searches(["手机壳"], 1500 * w, GeneralAge, 0.5);
                for (var i = 0; i < Filler.Length; i++)
                {
                    Searches([Filler[i]], fillerRates[i] * w, GeneralAge, 0.55);
                }

                Comments(["周末去露营，帐篷超好用！🏕️", "這個天幕太好看了<br>求鏈接", "露营灯氛围感拉满✨", "<b>复古</b>露营风，灯芯绒外套绝了", "露营帐篷防雨吗？"], camping / 6, CampingAge, 0.5);
                Comments(["国风马面裙真的绝了😍", "學生黨也買得起的馬面裙", "新中式马面裙通勤也可以", "马面裙配汉服<br/>太仙了"], hanfu / 6, HanfuAge, 0.9);
                Comments(["飞盘好好玩🥏", "周末一起飞盘"], frisbee / 6, GeneralAge, 0.5);
                Comments(["连衣裙很好看", "这条连衣裙显瘦👗"], 300 * w, GeneralAge, 0.6);
                Comments([.. Filler.Select(f => $"这个{f}质量不错")], 60 * w, GeneralAge, 0.55);

                Content(["露营装备清单｜新手必看", "天幕搭建教程", "露营灯推荐"], [["#露营", "#帐篷"], ["#天幕", "#露营"], ["#露营灯"]], "outdoor", camping / 40, CampingAge, 0.5);
                Content(["国风马面裙穿搭分享", "新中式马面裙一周穿搭"], [["#马面裙", "#国风"], ["#新中式", "#马面裙"]], "apparel", hanfu / 40, HanfuAge, 0.9);
                Content(["夏日连衣裙合集", "显瘦连衣裙"], [["#连衣裙"], ["#连衣裙", "#穿搭"]], "apparel", 40 * w, GeneralAge, 0.6);
                Content([.. Filler.Select(f => f + "日常分享")], [.. Filler.Select(f => new[] { "#" + f })], "lifestyle", 20 * w, GeneralAge, 0.55);

                Products(["户外露营帐篷 加厚防雨"], "outdoor", 2);
                Products(["国风马面裙 新中式", "马面裙 日常款"], "apparel", hanfu / 15);
                Products(["连衣裙 法式"], "apparel", 100);

                live.RemoveAll(c => c.Day < t - 4);
                foreach (var c in live)
                {
                    foreach (var (action, mean) in new[] { ("play", 200.0), ("like", 20.0), ("share", 3.0), ("purchase", 1.0) })
                    {
                        var n = Poisson(rng, mean);
                        if (n == 0)
                        {
                            continue;
                        }

                        engagement.CreateRow().AppendValue(Id("e")).AppendValue(ts.AddMinutes(rng.Next(600))).AppendValue(c.Id).AppendValue(action).AppendValue((long)n)
                            .AppendValue(action == "purchase" ? 99m * n : 0m).AppendValue("u" + rng.Next(100000).ToString(CultureInfo.InvariantCulture))
                            .AppendValue(Pick(rng, AgeBands, c.Age)).AppendValue(rng.NextDouble() < c.Female ? "f" : "m")
                            .AppendValue(Pick(rng, CityTiers, GeneralCity)).AppendValue("douyin").AppendValue("fixture.jsonl").AppendValue(day).EndRow();
                    }
                }
            }
        }

        foreach (var feed in Feeds.All)
        {
            var folder = layout.RawFeed(feed);
            Directory.CreateDirectory(folder);
            conn.Execute($"COPY {feed} TO '{folder}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), OVERWRITE_OR_IGNORE)");
        }

        PublishCommitted(layout);
    }

    /// <summary>
    /// Lists every raw Parquet file of <paramref name="layout"/> as committed (what ingest publishes after its
    /// manifest commit): analysis reads the raw lake only through that list. No checksums: the terms'
    /// fingerprint then hashes the files themselves.
    /// </summary>
    public static void PublishCommitted(DataLayout layout)
    {
        var files = new List<CommittedFile>();
        foreach (var feed in Feeds.All.Where(f => Directory.Exists(layout.RawFeed(f))))
        {
            foreach (var file in Directory.EnumerateFiles(layout.RawFeed(feed), "*.parquet", SearchOption.AllDirectories))
            {
                BusinessCalendar.TryParsePartition(Path.GetFileName(Path.GetDirectoryName(file)), out var dt);
                files.Add(new CommittedFile(feed, dt, Path.GetRelativePath(layout.Root, file), 0, null, null, "fixture"));
            }
        }

        CommittedLake.Of(files).Publish(layout);
    }

    private static string Pick(Random rng, string[] values, double[] weights)
    {
        var u = rng.NextDouble();
        for (var i = 0; i < values.Length; i++)
        {
            u -= weights[i];
            if (u <= 0)
            {
                return values[i];
            }
        }

        return values[^1];
    }

    public static int Poisson(Random rng, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 50)
        {
            // normal approximation (Box–Muller) for large means
            var u1 = 1.0 - rng.NextDouble();
            var u2 = rng.NextDouble();
            var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            return Math.Max(0, (int)Math.Round(mean + z * Math.Sqrt(mean)));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }
}
