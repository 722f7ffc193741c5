using TrendInsight.Core;

namespace TrendInsight.Ingest.Tests;

public sealed class DedupTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static object Comment(string id, string text = "露营真好") =>
        new { event_id = id, ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", text };

    [Fact]
    public void Ingest_DuplicateEventIdInOneFile_FirstKeptRestCounted()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", "第一次"), Comment("c2"), Comment("c1", "第二次")));

        var s = _h.Run();

        Assert.Equal((3L, 2L, 1L), (s.RowsRead, s.Accepted, s.Duplicates));
        var rows = _h.Lake(Feeds.Comments, "event_id");
        Assert.Equal("第一次", rows[0]["text"]);
    }

    [Fact]
    public void Ingest_DuplicateEventIdAcrossTwoFiles_OnceInLake()
    {
        _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Comment("c1"), Comment("c2")));
        _h.Write(Feeds.Comments, "b.jsonl", IngestHarness.Lines(Comment("c2", "又一次"), Comment("c3")));

        var s = _h.Run();

        Assert.Equal((4L, 3L, 1L), (s.RowsRead, s.Accepted, s.Duplicates));
        Assert.Equal(["c1", "c2", "c3"], _h.Lake(Feeds.Comments, "event_id").Select(r => (string)r["event_id"]!));
        _h.AssertFeedIdentity();
    }

    [Fact]
    public void Ingest_DuplicateEventIdAcrossRuns_OnceInLake()
    {
        _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Comment("c1"), Comment("c2")));
        _h.Run();
        _h.Write(Feeds.Comments, "b.jsonl", IngestHarness.Lines(Comment("c2", "晚到的重复"), Comment("c3")));

        var s = _h.Run();

        Assert.Equal((2L, 1L, 1L), (s.RowsRead, s.Accepted, s.Duplicates));
        Assert.Equal(["c1", "c2", "c3"], _h.Lake(Feeds.Comments, "event_id").Select(r => (string)r["event_id"]!));
    }

    [Fact]
    public void Ingest_SameFileUnderAnotherName_Skipped()
    {
        var text = IngestHarness.Lines(Comment("c1"), Comment("c2"));
        _h.Write(Feeds.Comments, "a.jsonl", text);
        _h.Run();
        _h.Write(Feeds.Comments, "a-resent.jsonl", text);

        var s = _h.Run();

        Assert.Equal((0, 1, 0L), (s.FilesProcessed, s.FilesSkipped, s.RowsRead));
        Assert.Equal(2, _h.Lake(Feeds.Comments).Count);
    }

    [Fact]
    public void Ingest_SameFileTwiceInOneRun_SecondSkipped()
    {
        var text = IngestHarness.Lines(Comment("c1"), Comment("c2"));
        _h.Write(Feeds.Comments, "a.jsonl", text);
        _h.Write(Feeds.Comments, "b.jsonl", text);

        var s = _h.Run();

        Assert.Equal((1, 1, 2L), (s.FilesProcessed, s.FilesSkipped, s.Accepted));
    }

    [Fact]
    public void Ingest_RerunWithNothingNew_NoChange()
    {
        _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Comment("c1")));
        _h.Run();

        var s = _h.Run();

        Assert.Equal((0, 0L), (s.FilesProcessed, s.RowsRead));
        Assert.Single(_h.Lake(Feeds.Comments));
    }

    [Fact]
    public void Ingest_FileRewrittenInPlaceWithSameSize_ReadAgain()
    {
        var path = _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Comment("c1", "露营真好")));
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 12, 1, 0, 0, DateTimeKind.Utc));
        _h.Run();
        // The exporter rewrote the file: another event, byte for byte the same length.
        _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Comment("c9", "天幕真好")));
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 11, 12, 2, 0, 0, DateTimeKind.Utc));

        var s = _h.Run();

        Assert.Equal((1, 1L, 1L), (s.FilesProcessed, s.RowsRead, s.Accepted));
        Assert.Equal(["c1", "c9"], _h.Lake(Feeds.Comments, "event_id").Select(r => (string)r["event_id"]!));
    }

    [Fact]
    public void Ingest_FileTouchedWithoutChange_HashedAndSkipped()
    {
        var path = _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Comment("c1")));
        _h.Run();
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(5));

        var touched = _h.Run();
        var again = _h.Run();

        Assert.Equal((0, 1, 0L), (touched.FilesProcessed, touched.FilesSkipped, touched.RowsRead));
        Assert.Equal((0, 0), (again.FilesProcessed, again.FilesSkipped));
        Assert.Single(_h.Lake(Feeds.Comments));
    }

    [Fact]
    public void Ingest_ContentNewerVersionInLaterRun_ReplacesOlderInLake()
    {
        _h.Write(Feeds.Content, "a.jsonl", IngestHarness.Lines(
            new { content_id = "n-100", ts = "2026-11-09T18:00:00+08:00", title = "国风汉服秋冬穿搭", tags = new[] { "国风", "汉服" } },
            new { content_id = "n-101", ts = "2026-11-09T19:00:00+08:00", title = "第一次露营🏕️", tags = "#露营 #天幕" }));
        _h.Run();
        _h.Write(Feeds.Content, "b.jsonl", IngestHarness.Lines(
            new { content_id = "n-100", ts = "2026-11-10T09:00:00+08:00", title = "国风汉服秋冬穿搭（更新）", tags = new[] { "國風" } },
            new { content_id = "n-101", ts = "2026-11-01T00:00:00+08:00", title = "更旧的版本" }));

        var s = _h.Run();

        Assert.Equal((2L, 1L, 1L), (s.RowsRead, s.Accepted, s.Duplicates));
        var rows = _h.Lake(Feeds.Content, "content_id");
        Assert.Equal(2, rows.Count);
        Assert.Equal("国风汉服秋冬穿搭（更新）", rows[0]["title"]);
        Assert.Equal(new DateOnly(2026, 11, 10), (DateOnly)rows[0]["dt"]!);
        Assert.Equal(new[] { "国风" }, ((string?[])rows[0]["tags_norm"]!).Select(t => t!));
        Assert.Equal("第一次露营🏕️", rows[1]["title"]);
        Assert.Equal(new[] { "露营", "天幕" }, ((string?[])rows[1]["tags"]!).Select(t => t!));
        Assert.Equal(1, _h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Content).Replaced);
    }

    [Fact]
    public void Ingest_ProductSnapshotsInOneFile_LatestKept()
    {
        _h.Write(Feeds.Products, "p.csv", "product_id,ts,title,price,sales\n"
            + "p-1,2026-11-10 10:00,马面裙,299,100\n"
            + "p-1,2026-11-11 10:00,马面裙 新款,279,180\n"
            + "p-1,2026-11-09 10:00,马面裙 旧,399,10\n");

        var s = _h.Run();

        Assert.Equal((3L, 1L, 2L), (s.RowsRead, s.Accepted, s.Duplicates));
        var row = Assert.Single(_h.Lake(Feeds.Products));
        Assert.Equal(279m, row["price"]);
        Assert.Equal(180L, row["sales"]);
    }
}
