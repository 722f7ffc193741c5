using System.IO.Compression;
using System.Text;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using TrendInsight.Core;
using TrendInsight.Ingest.Check;

namespace TrendInsight.Ingest.Tests;

/// <summary><c>validate</c>'s dry run reads with ingest's own reader and validator: the same rows are accepted and quarantined for the same reasons.</summary>
public sealed class LandingCheckTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    private LandingCheckReport Check(params string[] paths) =>
        new LandingCheck(_h.Config, _h.Clock).Run(paths, null, CancellationToken.None);

    private static object Engagement(string id, string action, object count, string ts = "2026-11-10T20:15:00+08:00") =>
        new { event_id = id, ts, content_id = "n-100", action, count, gmv = "¥129.00", city_tier = "new1" };

    [Fact]
    public void Run_RowsOfEveryKind_SameCountsAndReasonsAsIngest()
    {
        _h.Write(Feeds.Engagement, "e.jsonl", IngestHarness.Lines(
            Engagement("e1", "purchase", 1),
            Engagement("e2", "LIKE", "3"),
            Engagement("e1", "purchase", 1),
            Engagement("e3", "teleport", 1),
            Engagement("e4", "play", "lots"),
            Engagement("e5", "play", 1, ts: "2026-11-10 20:15"),
            Engagement("e6", "share", 1, ts: "2030-01-01T00:00:00+08:00"),
            "{\"event_id\": \"e7\", \"ts\": \"2026-11-10T20:15:00+08:00\", \"content_id\": \"n-100\"",
            Engagement("e8", "favorite", 1, ts: "国风")));

        var report = Check(_h.Layout.Landing);
        var ingest = _h.Run();

        var file = Assert.Single(report.Files);
        Assert.Equal((ingest.RowsRead, ingest.Accepted, ingest.Quarantined, ingest.Duplicates), (file.RowsRead, file.WouldAccept, file.Quarantined, file.Duplicates));
        Assert.Equal(_h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Engagement).Reasons, file.Reasons.ToDictionary(r => r.Reason, r => r.Rows));
        var recorded = _h.QuarantineRecords(Feeds.Engagement).ToDictionary(
            r => r.GetProperty("line").GetInt64(),
            r => r.TryGetProperty("detail", out var d) ? d.GetString() : QuarantineReasons.Expected(r.GetProperty("reason").GetString()!));
        Assert.All(file.Reasons.SelectMany(r => r.Examples), e => Assert.Equal(recorded[e.Line], e.Detail));
        var action = Assert.Single(file.Reasons.Single(r => r.Reason == QuarantineReasons.UnknownAction).Examples);
        Assert.Equal((4L, "action", "teleport"), (action.Line, action.Field, action.Value));
        Assert.Equal(QuarantineReasons.Expected(QuarantineReasons.UnknownAction), action.Expected);
    }

    [Fact]
    public void Run_GzipWithBomAndBinaryFile_FormatEncodingAndRejection()
    {
        using (var gz = new GZipStream(File.Create(_h.WriteBytes(Feeds.Comments, "c.jsonl.gz", [])), CompressionLevel.Optimal))
        {
            gz.Write(Encoding.UTF8.GetPreamble());
            gz.Write(Encoding.UTF8.GetBytes(IngestHarness.Lines(new { event_id = "c1", ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", text = "國風漢服" })));
        }

        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        _h.WriteBytes(Feeds.Comments, "d.jsonl", noise);

        var report = Check(_h.Layout.LandingFeed(Feeds.Comments));

        var gzip = report.Files.Single(f => f.Path.EndsWith("c.jsonl.gz", StringComparison.Ordinal));
        Assert.Equal(("jsonl", true, "utf-8", true, 1L, 1L), (gzip.Format, gzip.Gzip, gzip.Encoding, gzip.Bom, gzip.RowsRead, gzip.WouldAccept));
        var binary = report.Files.Single(f => f.Path.EndsWith("d.jsonl", StringComparison.Ordinal));
        Assert.Equal(QuarantineReasons.NotText, binary.Rejection);
        Assert.True(report.AnythingRejected);
    }

    [Fact]
    public void Run_ParquetExtract_RowNumbersAndMissingColumnRejection()
    {
        var ts = new DateTimeDataField("ts", DateTimeFormat.Timestamp, isAdjustedToUTC: true, isNullable: true);
        var full = new ParquetSchema(new DataField<string>("event_id"), ts, new DataField<string>("content_id"), new DataField<string>("text"), new DataField<long?>("likes"));
        var rows = Enumerable.Range(1, 5).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["event_id"] = $"c-{i}",
            ["ts"] = new DateTime(2026, 11, 10, 4, i, 0, DateTimeKind.Utc),
            ["content_id"] = "n-1",
            ["text"] = $"第{i}条 露营装备推荐",
            ["likes"] = i == 4 ? -2L : i,
        }).ToList();
        WriteParquet("extract.parquet", full, rows);
        WriteParquet("no-text.parquet", new ParquetSchema(new DataField<string>("event_id"), ts, new DataField<string>("content_id")),
            [.. rows.Select(r => (IDictionary<string, object?>)r.Where(kv => kv.Key is "event_id" or "ts" or "content_id").ToDictionary())]);

        var report = Check(_h.Layout.LandingFeed(Feeds.Comments));

        var extract = report.Files.Single(f => f.Path.EndsWith("extract.parquet", StringComparison.Ordinal) && f.Rejection is null);
        Assert.Equal(("parquet", null, 5L, 4L, 1L), (extract.Format, extract.Encoding, extract.RowsRead, extract.WouldAccept, extract.Quarantined));
        var likes = Assert.Single(Assert.Single(extract.Reasons).Examples);
        Assert.Equal((4L, "likes", "-2"), (likes.Line, likes.Field, likes.Value));
        var missing = report.Files.Single(f => f.Path.EndsWith("no-text.parquet", StringComparison.Ordinal));
        Assert.Equal(QuarantineReasons.MissingColumn("text"), missing.Rejection);
    }

    private void WriteParquet(string name, ParquetSchema schema, IReadOnlyCollection<IDictionary<string, object?>> rows)
    {
        using var stream = File.Create(_h.WriteBytes(Feeds.Comments, name, []));
        ParquetSerializer.SerializeUntypedAsync(rows, schema, stream, new ParquetOptions()).GetAwaiter().GetResult();
    }

    [Fact]
    public void Run_SegmentSpellings_KnownOnesMappedOthersCountedAsUnknown()
    {
        _h.Write(Feeds.Search, "q.jsonl", IngestHarness.Lines(
            new { event_id = "q1", ts = "2026-11-10T12:00:00+08:00", query = "露营椅", city_tier = "新一线", gender = "女" },
            new { event_id = "q2", ts = "2026-11-10T12:01:00+08:00", query = "天幕", city_tier = "火星" },
            new { event_id = "q3", ts = "2026-11-10T12:02:00+08:00", query = "飞盘", city_tier = "火星" }));

        var report = Check(_h.Layout.Landing);
        var ingest = _h.Run();

        var file = Assert.Single(report.Files);
        Assert.Equal([new UnknownSegment("city_tier", "火星", 2)], file.UnknownSegments);
        Assert.Equal(ingest.UnknownSegments.Select(u => (u.Field, u.Value, u.Rows)), file.UnknownSegments.Select(u => (u.Field, u.Value, u.Rows)));
    }

    [Fact]
    public void Run_NothingWrittenToTheDataFolder()
    {
        _h.Write(Feeds.Search, "q.jsonl", IngestHarness.Lines(new { event_id = "q1", ts = "2026-11-10T12:00:00+08:00", query = "露营椅" }, "{bad"));

        var report = Check(_h.Layout.Landing);

        Assert.Equal(1, report.Quarantined);
        Assert.Equal([_h.Layout.Landing], Directory.GetDirectories(_h.Root));
        Assert.Empty(Directory.GetFiles(_h.Root));
    }

    [Theory]
    [InlineData("comment", "comments")]
    [InlineData("Comments", "comments")]
    [InlineData("serch", "search")]
    [InlineData("product", "products")]
    [InlineData("engagements", "engagement")]
    [InlineData("contents", "content")]
    [InlineData("orders", null)]
    [InlineData("2026-11-20", null)]
    public void NearestFeed_FolderName_TheFeedMeantOrNone(string folder, string? expected)
    {
        Assert.Equal(expected, LandingScan.NearestFeed(folder));
    }
}
