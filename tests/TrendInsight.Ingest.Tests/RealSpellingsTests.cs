using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Tests;

/// <summary>
/// Real-world spellings of the landing contract's values, as Chinese exports write them, in hand-written CSV and
/// JSONL rows: mapped to the contract, counted when they stay outside it, and every rejection naming what was expected.
/// </summary>
public sealed class RealSpellingsTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Ingest_CsvWithChineseSpellings_MappedToTheContract()
    {
        _h.Write(Feeds.Search, "export.csv",
            "event_id,ts,query,count,user_id,age_band,gender,city_tier,platform\n"
            + "s-1,2026-11-11 11:00:00,马面裙 通勤,1.2万,u1,18-24,女,新一线,douyin\n"
            + "s-2,2026-11-11T11:05:00+08:00,露营灯,\"1,234\",u2,25-30岁,男,一线城市,xhs\n"
            + "s-3,1794326400,美拉德穿搭,10万+,u3,60岁以上,Male,Tier 2,xhs\n"
            + "s-4,1794326400000,围巾,3.5w,u4,35-55,F,海外,xhs\n");

        var s = _h.Run();

        Assert.Equal((4L, 4L), (s.RowsRead, s.Accepted));
        var rows = _h.Lake(Feeds.Search, "event_id");
        Assert.Equal([12000L, 1234L, 100000L, 35000L], rows.Select(r => (long)r["count"]!));
        Assert.Equal(["18-23", "24-30", "50+", "unknown"], rows.Select(r => (string)r["age_band"]!));
        Assert.Equal(["f", "m", "m", "f"], rows.Select(r => (string)r["gender"]!));
        Assert.Equal(["new1", "1", "2", "unknown"], rows.Select(r => (string)r["city_tier"]!));
        Assert.Equal(new DateTimeOffset(2026, 11, 11, 3, 0, 0, TimeSpan.Zero), ((DateTimeOffset)rows[0]["ts"]!).ToUniversalTime());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1794326400), (DateTimeOffset)rows[2]["ts"]!);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1794326400000), (DateTimeOffset)rows[3]["ts"]!);
    }

    [Fact]
    public void Ingest_JsonlWithChineseActionsAndTiers_MappedToTheContract()
    {
        _h.Write(Feeds.Engagement, "e.jsonl", IngestHarness.Lines(
            new { event_id = "e-1", ts = "2026-11-11 20:00:00", content_id = "n-1", action = "点赞", count = "2", city_tier = "三线", gender = "女性" },
            new { event_id = "e-2", ts = "2026-11-11 20:01:00", content_id = "n-1", action = "收藏", city_tier = "五线及以下", age_band = "18-23岁" },
            new { event_id = "e-3", ts = "2026-11-11 20:02:00", content_id = "n-1", action = "购买", gmv = "¥1,299.00", city_tier = "新1线" }));

        var s = _h.Run();

        Assert.Equal(3, s.Accepted);
        var rows = _h.Lake(Feeds.Engagement, "event_id");
        Assert.Equal(["like", "favorite", "purchase"], rows.Select(r => (string)r["action"]!));
        Assert.Equal(["3", "5", "new1"], rows.Select(r => (string)r["city_tier"]!));
        Assert.Equal(["unknown", "18-23", "unknown"], rows.Select(r => (string)r["age_band"]!));
        Assert.Equal("f", rows[0]["gender"]);
        Assert.Empty(_h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Engagement).UnknownSegments);
    }

    [Fact]
    public void Ingest_ValuesOutsideTheContract_CountedInSummaryAndState()
    {
        _h.Write(Feeds.Comments, "c.csv",
            "event_id,ts,content_id,text,age_band,gender,city_tier\n"
            + "c-1,2026-11-11 12:00:00,n-1,好看,35-55,X,海外\n"
            + "c-2,2026-11-11 12:01:00,n-1,求链接,35-55,未知,海外\n"
            + "c-3,2026-11-11 12:02:00,n-1,已下单,24-30,unknown,0\n");

        var s = _h.Run();

        Assert.Equal(3, s.Accepted);
        Assert.Contains((Feeds.Comments, "city_tier", "海外", 2L), s.UnknownSegments);
        Assert.Equal(6, s.UnknownSegments.Sum(u => u.Rows));

        var unknown = _h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Comments).UnknownSegments;
        Assert.Equal(2, unknown[("age_band", "35-55")]);
        Assert.Equal(1, unknown[("gender", "X")]);
        Assert.Equal(2, unknown[("city_tier", "海外")]);
        Assert.Equal(1, unknown[("city_tier", "0")]);
        Assert.Equal(4, unknown.Count);

        using var db = DuckDbDatabase.Open(_h.Layout.Manifest, new DuckDbConfig { Threads = 1 });
        using var conn = db.Connect();
        var stored = conn.Query(
            "SELECT feed, field, value, rows FROM unknown_segment_values ORDER BY field, value",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3))).ToList();
        Assert.Equal(
            [("comments", "age_band", "35-55", 2L), ("comments", "city_tier", "0", 1L), ("comments", "city_tier", "海外", 2L), ("comments", "gender", "X", 1L)],
            stored);
        Assert.Single(conn.Query("SELECT DISTINCT run_id FROM unknown_segment_values", r => r.GetString(0)));
    }

    [Fact]
    public void Ingest_ConfiguredSpellingsAndTimeZone_Used()
    {
        _h.Config.Ingest.Spellings["city_tier"] = new() { ["海外"] = "1" };
        _h.Config.Ingest.AgeBandCuts = "unknown";
        _h.Config.Ingest.TimeZone = "Europe/Berlin";
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(
            new { event_id = "c-1", ts = "2026-11-11 12:00:00", content_id = "n-1", text = "好看", city_tier = "海外", age_band = "25-30" }));

        _h.Run();

        var row = Assert.Single(_h.Lake(Feeds.Comments));
        Assert.Equal("1", row["city_tier"]);
        Assert.Equal("unknown", row["age_band"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 11, 11, 0, 0, TimeSpan.Zero), ((DateTimeOffset)row["ts"]!).ToUniversalTime());
        Assert.Equal(1, _h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Comments).UnknownSegments[("age_band", "25-30")]);
    }

    [Theory]
    [InlineData("bad_timestamp", "{\"event_id\":\"e-1\",\"ts\":\"2026-11-11 25:00\",\"content_id\":\"n-1\",\"action\":\"like\"}", "epoch seconds or milliseconds")]
    [InlineData("unknown_action", "{\"event_id\":\"e-1\",\"ts\":\"2026-11-11 12:00\",\"content_id\":\"n-1\",\"action\":\"打赏\"}", "play, like, comment, share, favorite, click, purchase")]
    [InlineData("bad_number:count", "{\"event_id\":\"e-1\",\"ts\":\"2026-11-11 12:00\",\"content_id\":\"n-1\",\"action\":\"like\",\"count\":\"1.5\"}", "whole number ≥ 0 (1234, 1,234, 1.2万")]
    [InlineData("bad_number:gmv", "{\"event_id\":\"e-1\",\"ts\":\"2026-11-11 12:00\",\"content_id\":\"n-1\",\"action\":\"purchase\",\"gmv\":\"-3\"}", "amount ≥ 0 in CNY")]
    public void Ingest_RejectedRow_DetailSaysWhatWasExpected(string reason, string line, string expected)
    {
        _h.Write(Feeds.Engagement, "e.jsonl", line + "\n");

        _h.Run();

        var q = Assert.Single(_h.QuarantineRecords(Feeds.Engagement));
        Assert.Equal(reason, q.GetProperty("reason").GetString());
        var detail = q.GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        Assert.Contains("; got '", detail, StringComparison.Ordinal);
    }
}
