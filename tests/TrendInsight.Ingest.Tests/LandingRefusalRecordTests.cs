using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Tests;

/// <summary>
/// The landing entries a run does not read are recorded with the run, and <see cref="IngestStatus"/> reads those of the
/// latest run: a scheduled ingest only logs them, so status is where a misplaced delivery shows.
/// </summary>
public sealed class LandingRefusalRecordTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static object Comment(string id, string text) =>
        new { event_id = id, ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", text };

    /// <summary>A good comments file, a misnamed feed folder and a file at the landing root.</summary>
    private (string Misnamed, string AtRoot) WriteMisplacedDelivery()
    {
        _h.Write(Feeds.Comments, "xhs-2026-11-10.jsonl", IngestHarness.Lines(Comment("c1", "这件马面裙太好看了！国风yyds")));
        var misnamed = Path.Combine(_h.Layout.Landing, "comment");
        Directory.CreateDirectory(misnamed);
        File.WriteAllText(Path.Combine(misnamed, "xhs-2026-11-11.jsonl"), IngestHarness.Lines(Comment("c2", "多巴胺穿搭")));
        var atRoot = Path.Combine(_h.Layout.Landing, "comments-2026-11-12.jsonl");
        File.WriteAllText(atRoot, IngestHarness.Lines(Comment("c3", "citywalk 路线")));
        return (misnamed, atRoot);
    }

    private void NextRun() => _h.Clock.Advance(TimeSpan.FromHours(1));

    [Fact]
    public void Read_LastRunLeftEntriesUnread_NamesThemWithTheirReasons()
    {
        var (misnamed, atRoot) = WriteMisplacedDelivery();

        var s = _h.Run();

        Assert.Equal(2, s.Refused.Count);
        var refused = IngestStatus.Read(_h.Layout)!.LastRunRefused;
        Assert.Equal([misnamed, atRoot], refused.Select(r => r.Path));
        Assert.Equal(["", ""], refused.Select(r => r.Feed));
        Assert.StartsWith("unknown feed folder 'comment'; did you mean 'comments'?", refused[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("a file at the landing root", refused[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LaterRunWithoutNewRowsStillRefuses_StillNamed()
    {
        WriteMisplacedDelivery();
        _h.Run();
        NextRun();

        var second = _h.Run();

        Assert.Equal(0, second.RowsRead);
        Assert.Equal(2, IngestStatus.Read(_h.Layout)!.LastRunRefused.Count);
    }

    [Fact]
    public void Read_LaterRunForOneFeed_RootEntriesStillNamed()
    {
        var (misnamed, atRoot) = WriteMisplacedDelivery();
        _h.Run();
        NextRun();
        var link = Path.Combine(_h.Layout.LandingFeed(Feeds.Comments), "link.jsonl");
        File.CreateSymbolicLink(link, Path.Combine(_h.Layout.LandingFeed(Feeds.Comments), "xhs-2026-11-10.jsonl"));

        var second = _h.Run(Feeds.Comments);

        Assert.Equal(link, Assert.Single(second.Refused).Path);
        Assert.Equal([misnamed, atRoot, link], IngestStatus.Read(_h.Layout)!.LastRunRefused.Select(r => r.Path));
    }

    [Fact]
    public void Read_EntriesMovedAndIngestedAgain_NoneNamed()
    {
        var (misnamed, atRoot) = WriteMisplacedDelivery();
        _h.Run();
        NextRun();
        File.Move(Path.Combine(misnamed, "xhs-2026-11-11.jsonl"), Path.Combine(_h.Layout.LandingFeed(Feeds.Comments), "xhs-2026-11-11.jsonl"));
        File.Move(atRoot, Path.Combine(_h.Layout.LandingFeed(Feeds.Comments), "xhs-2026-11-12.jsonl"));
        Directory.Delete(misnamed);

        var second = _h.Run();

        Assert.Equal(2, second.Accepted);
        Assert.Empty(second.Refused);
        Assert.Empty(IngestStatus.Read(_h.Layout)!.LastRunRefused);
    }

    [Fact]
    public void Read_ManifestOfAnEarlierVersion_OpensWithoutRefusalsAndTheNextIngestRecordsThem()
    {
        WriteMisplacedDelivery();
        _h.Run();
        using (var db = DuckDbDatabase.Open(_h.Layout.Manifest, new DuckDbConfig { Threads = 1 }))
        {
            using var conn = db.Connect();
            conn.Execute("DROP TABLE landing_refusals");
        }

        var before = IngestStatus.Read(_h.Layout)!;
        NextRun();
        _h.Run();
        var after = IngestStatus.Read(_h.Layout)!;

        Assert.Empty(before.LastRunRefused);
        Assert.Single(before.LastRuns);
        Assert.Equal(2, after.LastRunRefused.Count);
    }
}
