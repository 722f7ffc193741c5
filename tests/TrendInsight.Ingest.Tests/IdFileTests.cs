using TrendInsight.Core;
using TrendInsight.Ingest.Repair;

namespace TrendInsight.Ingest.Tests;

/// <summary>The event ids a run accepted live in its id file under state/ids/ until a run folds them into the manifest.</summary>
public sealed class IdFileTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static object Comment(string id, string text = "露營裝備求鏈接🏕️") =>
        new { event_id = id, ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", text };

    private string[] IdFiles(string feed)
    {
        var folder = Path.Combine(_h.Layout.IdFiles, feed);
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];
    }

    [Fact]
    public void Ingest_EventsAccepted_IdsInTheRunsIdFileNotInSeenIds()
    {
        _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Comment("c1"), Comment("c2")));

        _h.Run();

        var file = Assert.Single(IdFiles(Feeds.Comments));
        Assert.Matches("^ids-" + IngestService.RunIdPattern + @"\.parquet$", file);
        Assert.Equal(0L, _h.Manifest<long>("SELECT count(*) FROM seen_ids"));
        Assert.Equal(2L, _h.Manifest<long>("SELECT sum(rows) FROM id_files WHERE feed = 'comments'"));
    }

    [Fact]
    public void Ingest_RepeatOfAnEarlierRunsEvent_DuplicateThroughItsIdFile()
    {
        _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Comment("c1"), Comment("c2")));
        _h.Run();
        _h.Write(Feeds.Comments, "b.jsonl", IngestHarness.Lines(Comment("c2", "國風馬面裙 <b>好看</b>"), Comment("c3")));

        var s = _h.Run();

        Assert.Equal((2L, 1L, 1L), (s.RowsRead, s.Accepted, s.Duplicates));
        Assert.Equal(2, IdFiles(Feeds.Comments).Length);
    }

    [Fact]
    public void Ingest_MoreIdFilesThanAllowed_FoldedIntoSeenIdsAndStillDuplicates()
    {
        _h.IdFilesPerFeed = 2;
        for (var run = 1; run <= 3; run++)
        {
            _h.Write(Feeds.Comments, $"run{run}.jsonl", IngestHarness.Lines(Comment($"c{run}-a"), Comment($"c{run}-b")));
            _h.Run();
        }

        Assert.Empty(IdFiles(Feeds.Comments));
        Assert.Equal(0L, _h.Manifest<long>("SELECT count(*) FROM id_files"));
        Assert.Equal(6L, _h.Manifest<long>("SELECT count(*) FROM seen_ids WHERE feed = 'comments'"));

        _h.Write(Feeds.Comments, "late.jsonl", IngestHarness.Lines(Comment("c1-a", "晚到的重复"), Comment("c3-b"), Comment("c4")));
        var s = _h.Run();

        Assert.Equal((3L, 1L, 2L), (s.RowsRead, s.Accepted, s.Duplicates));
        Assert.Single(IdFiles(Feeds.Comments));
    }

    [Fact]
    public void Ingest_IdFileNoRunCommitted_DeletedOnNextStart()
    {
        _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Comment("c1")));
        _h.Run();
        var leftover = Path.Combine(_h.Layout.IdFiles, Feeds.Comments, "ids-20261112T040000Z-abcdef.parquet");
        File.Copy(Path.Combine(_h.Layout.IdFiles, Feeds.Comments, IdFiles(Feeds.Comments)[0]), leftover);

        _h.Write(Feeds.Comments, "b.jsonl", IngestHarness.Lines(Comment("c1", "重复"), Comment("c2")));
        var s = _h.Run();

        Assert.False(File.Exists(leftover));
        Assert.Equal((2L, 1L, 1L), (s.RowsRead, s.Accepted, s.Duplicates));
    }

    [Fact]
    public async Task Ingest_CommittedIdFileGone_StopsNamingItAndRepairReingestRebuildsTheIdsFromTheLake()
    {
        _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Comment("c1"), Comment("c2")));
        _h.Run();
        var gone = Path.Combine("state", "ids", Feeds.Comments, IdFiles(Feeds.Comments)[0]);
        File.Delete(Path.Combine(_h.Root, gone));
        _h.Write(Feeds.Comments, "b.jsonl", IngestHarness.Lines(Comment("c2", "重复"), Comment("c3")));

        var error = Assert.Throws<TrendInsightException>(() => _h.Run());
        Assert.Contains(gone, error.Message, StringComparison.Ordinal);
        Assert.Contains("repair --reingest", error.Message, StringComparison.Ordinal);

        var verify = LakeVerifier.Verify(_h.Layout);
        var problem = Assert.Single(verify.Problems);
        Assert.Equal((LakeFileCheck.IdsKind, "missing", 2L), (problem.Kind, problem.Problem, problem.Rows));

        var plan = await new ManifestRepair(_h.Config, _h.Clock).PrepareReingestAsync(_h.Layout, CancellationToken.None);
        Assert.Equal([Feeds.Comments], plan.Feeds);
        Assert.True(LakeVerifier.Verify(_h.Layout).Ok);
        Assert.Equal(2L, _h.Manifest<long>("SELECT count(*) FROM seen_ids WHERE feed = 'comments'"));

        var s = _h.Run();
        Assert.Equal((2L, 1L, 1L), (s.RowsRead, s.Accepted, s.Duplicates));
        Assert.Equal(["c1", "c2", "c3"], _h.Lake(Feeds.Comments, "event_id").Select(r => (string)r["event_id"]!));
    }
}
