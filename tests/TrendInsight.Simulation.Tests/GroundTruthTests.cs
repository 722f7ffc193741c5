using System.Globalization;
using System.Text;
using System.Text.Json;
using TrendInsight.Core;

namespace TrendInsight.Simulation.Tests;

public sealed class GroundTruthTests(SimulationFixture fixture) : IClassFixture<SimulationFixture>
{
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        [Feeds.Search] = ["event_id", "ts", "query"],
        [Feeds.Comments] = ["event_id", "ts", "content_id", "text"],
        [Feeds.Engagement] = ["event_id", "ts", "content_id", "action"],
        [Feeds.Content] = ["content_id", "ts", "title"],
        [Feeds.Products] = ["product_id", "ts", "title"],
    };

    private static readonly Dictionary<string, string[]> Numeric = new(StringComparer.Ordinal)
    {
        [Feeds.Search] = ["count"],
        [Feeds.Comments] = ["likes"],
        [Feeds.Engagement] = ["count", "gmv"],
        [Feeds.Content] = [],
        [Feeds.Products] = ["price", "sales"],
    };

    private static readonly string[] Actions = ["play", "like", "comment", "share", "favorite", "click", "purchase"];

    [Theory]
    [MemberData(nameof(AllFeeds))]
    public void GroundTruth_RowCounts_MatchRowsInFiles(string feed)
    {
        var truth = fixture.GroundTruth.RootElement.GetProperty("feeds").GetProperty(feed);
        var rows = LandingReader.FeedFiles(fixture.Root, feed).Sum(f => LandingReader.Rows(f).LongCount());

        Assert.Equal(truth.GetProperty("rows").GetInt64(), rows);
        Assert.Equal(rows, truth.GetProperty("good_rows").GetInt64() + truth.GetProperty("bad_rows_total").GetInt64()
            + truth.GetProperty("duplicates_total").GetInt64());
        Assert.Equal(120, truth.GetProperty("files").GetInt32());
    }

    [Theory]
    [MemberData(nameof(AllFeeds))]
    public void GroundTruth_BadRowsByReason_MatchWhatTheFilesHold(string feed)
    {
        var truth = fixture.GroundTruth.RootElement.GetProperty("feeds").GetProperty(feed).GetProperty("bad_rows");
        var expected = truth.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        var found = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in LandingReader.FeedFiles(fixture.Root, feed))
        {
            foreach (var row in LandingReader.Rows(file))
            {
                var reason = Classify(feed, row);
                if (reason is not null)
                {
                    found[reason] = found.GetValueOrDefault(reason) + 1;
                }
            }
        }

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), found);
        Assert.Contains("invalid_json", found.Keys);
        Assert.Contains("bad_timestamp", found.Keys);
        Assert.Contains("future_timestamp", found.Keys);
    }

    [Theory]
    [InlineData("search")]
    [InlineData("comments")]
    [InlineData("engagement")]
    public void GroundTruth_Duplicates_MatchRepeatedEventIds(string feed)
    {
        var truth = fixture.GroundTruth.RootElement.GetProperty("feeds").GetProperty(feed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long repeats = 0;
        var repeatedInOtherFile = 0;
        var firstFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in LandingReader.FeedFiles(fixture.Root, feed))
        {
            foreach (var row in LandingReader.Rows(file))
            {
                var id = row["event_id"];
                if (id is null)
                {
                    continue;
                }

                if (!seen.Add(id))
                {
                    repeats++;
                    if (!string.Equals(firstFile[id], file, StringComparison.Ordinal))
                    {
                        repeatedInOtherFile++;
                    }
                }
                else
                {
                    firstFile[id] = file;
                }
            }
        }

        Assert.Equal(truth.GetProperty("duplicates_total").GetInt64(), repeats);
        Assert.Equal(truth.GetProperty("duplicates_across_files").GetInt64(), repeatedInOtherFile);
        Assert.True(truth.GetProperty("duplicates_within_file").GetInt64() > 0);
        Assert.True(repeatedInOtherFile > 0);
    }

    [Fact]
    public void Files_DeliveredTwice_AreByteIdenticalCopies()
    {
        var twice = fixture.GroundTruth.RootElement.GetProperty("files_delivered_twice").EnumerateArray().ToList();

        var entry = Assert.Single(twice);
        var original = File.ReadAllBytes(Path.Combine(fixture.Root, entry.GetProperty("original").GetString()!));
        var copy = File.ReadAllBytes(Path.Combine(fixture.Root, entry.GetProperty("copy").GetString()!));
        Assert.Equal(original, copy);
        Assert.NotEqual(entry.GetProperty("original").GetString(), entry.GetProperty("copy").GetString());
        Assert.True(entry.GetProperty("rows").GetInt64() > 0);
    }

    [Fact]
    public void Gb18030File_IsNotUtf8_AndDecodesAsGb18030()
    {
        var name = Assert.Single(fixture.GroundTruth.RootElement.GetProperty("gb18030_files").EnumerateArray()).GetString()!;
        var bytes = File.ReadAllBytes(Path.Combine(fixture.Root, name));

        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
        Assert.StartsWith("product_id,ts,title,category,price,sales,shop_id\r\n", text, StringComparison.Ordinal);
        Assert.Contains("】", text, StringComparison.Ordinal);
        Assert.Matches("[\u4e00-\u9fff]{2,}", text);
    }

    [Fact]
    public void Files_MixFormats_JsonlGzipCsvAndParquet()
    {
        var names = Feeds.All.SelectMany(f => LandingReader.FeedFiles(fixture.Root, f)).Select(Path.GetFileName).ToList();

        Assert.Contains(names, n => n!.EndsWith(".jsonl.gz", StringComparison.Ordinal));
        Assert.Contains(names, n => n!.EndsWith(".jsonl", StringComparison.Ordinal));
        Assert.Contains(names, n => n!.EndsWith(".csv", StringComparison.Ordinal));
        var parquet = LandingReader.FeedFiles(fixture.Root, Feeds.Engagement).First(f => f.EndsWith(".parquet", StringComparison.Ordinal));
        Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(parquet)[..4]);
        var gz = LandingReader.FeedFiles(fixture.Root, Feeds.Comments).First(f => f.EndsWith(".gz", StringComparison.Ordinal));
        Assert.Equal([0x1f, 0x8b], File.ReadAllBytes(gz)[..2]);
        Assert.Contains(Feeds.All.SelectMany(f => LandingReader.FeedFiles(fixture.Root, f)),
            f => f.EndsWith(".csv", StringComparison.Ordinal) && File.ReadAllBytes(f)[..3].SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    [Fact]
    public void Text_Variants_TraditionalFullWidthAndHtmlPresent()
    {
        var all = new StringBuilder();
        foreach (var feed in new[] { Feeds.Search, Feeds.Comments, Feeds.Content, Feeds.Products })
        {
            foreach (var file in LandingReader.FeedFiles(fixture.Root, feed).Take(3))
            {
                all.Append(LandingReader.ReadText(file));
            }
        }

        var text = all.ToString();
        Assert.Contains("國風", text, StringComparison.Ordinal);
        Assert.Contains("露營", text, StringComparison.Ordinal);
        Assert.Contains("頭髮", text, StringComparison.Ordinal);
        Assert.Contains("ｃｉｔｙｗａｌｋ", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("<br>", text, StringComparison.Ordinal);
        Assert.Matches("\\p{Cs}", text);
        var feeds = fixture.GroundTruth.RootElement.GetProperty("feeds");
        Assert.True(feeds.GetProperty("search").GetProperty("traditional_rows").GetInt64() > 100);
        Assert.True(feeds.GetProperty("comments").GetProperty("html_rows").GetInt64() > 10);
    }

    [Fact]
    public void Timestamps_MixOffsetUtcEpochAndLocal()
    {
        var stamps = LandingReader.Rows(LandingReader.FeedFiles(fixture.Root, Feeds.Search).First())
            .Select(r => r["ts"]).OfType<string>().ToList();

        Assert.Contains(stamps, s => s.EndsWith("+08:00", StringComparison.Ordinal));
        Assert.Contains(stamps, s => s.EndsWith('Z'));
        Assert.Contains(stamps, s => s.All(char.IsAsciiDigit) && s.Length == 13);
        Assert.Contains(stamps, s => s.Length == 19 && s[10] == ' ');
    }

    [Fact]
    public void GroundTruth_Topics_HaveStagesAtEndDateAsPlanted()
    {
        var topics = fixture.GroundTruth.RootElement.GetProperty("topics").EnumerateArray().ToList();
        var end = SimulationFixture.EndDate;

        Assert.Equal(7, topics.Count);
        foreach (var topic in topics)
        {
            var peak = DateOnly.Parse(topic.GetProperty("peak").GetString()!, CultureInfo.InvariantCulture);
            var stage = topic.GetProperty("stage_at_end").GetString();
            switch (stage)
            {
                case "rising":
                    Assert.True(peak.DayNumber - end.DayNumber >= 7, topic.GetProperty("id").GetString());
                    break;
                case "peaking":
                    Assert.InRange(peak.DayNumber - end.DayNumber, -6, 6);
                    break;
                case "declining":
                    Assert.True(peak < end.AddDays(-6));
                    break;
                default:
                    Assert.Fail("unexpected stage " + stage);
                    break;
            }
        }

        var stages = topics.Select(t => t.GetProperty("stage_at_end").GetString()).ToList();
        Assert.Contains("rising", stages);
        Assert.Contains("peaking", stages);
        Assert.Contains("declining", stages);
        Assert.Contains(topics, t => t.GetProperty("segment_skew").ValueKind == JsonValueKind.Object);
        Assert.Contains(topics, t => t.GetProperty("supply").GetString() == "lagging");
        Assert.Contains(topics, t => t.GetProperty("supply").GetString() == "keeps_up");
        Assert.Equal("2026-11-11", fixture.GroundTruth.RootElement.GetProperty("event").GetProperty("date").GetString());
        Assert.Equal("双11", fixture.GroundTruth.RootElement.GetProperty("event").GetProperty("name").GetString());
    }

    public static TheoryData<string> AllFeeds() => new(Feeds.All);

    /// <summary>The reason a row breaks the landing contract, judged from the row alone (one fault per planted row).</summary>
    private static string? Classify(string feed, LandingRow row)
    {
        if (!row.Parsed)
        {
            return "invalid_json";
        }

        foreach (var field in Required[feed])
        {
            if (!row.Has(field))
            {
                return "missing_field:" + field;
            }
        }

        if (!TryParseTimestamp(row["ts"]!, out var ts) || ts.Year < 2000)
        {
            return "bad_timestamp";
        }

        if (ts > new DateTimeOffset(SimulationFixture.EndDate.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)))
        {
            return "future_timestamp";
        }

        if (feed == Feeds.Comments && row["text"]!.Length > 10_000)
        {
            return "text_too_long";
        }

        if (feed == Feeds.Engagement && !Actions.Contains(row["action"]))
        {
            return "unknown_action";
        }

        foreach (var field in Numeric[feed])
        {
            if (row.Has(field) && (!decimal.TryParse(row[field], NumberStyles.Number, CultureInfo.InvariantCulture, out var number) || number < 0))
            {
                return "bad_number:" + field;
            }
        }

        return null;
    }

    private static bool TryParseTimestamp(string text, out DateTimeOffset ts)
    {
        if (text.Length == 13 && text.All(char.IsAsciiDigit))
        {
            ts = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text, CultureInfo.InvariantCulture));
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.fffK"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out ts))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            ts = new DateTimeOffset(local, TimeSpan.FromHours(8));
            return true;
        }

        return false;
    }
}
