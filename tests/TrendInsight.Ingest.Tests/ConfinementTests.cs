using System.Runtime.Versioning;
using TrendInsight.Core;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Ingest.Tests;

/// <summary>Ingest reads only plain files inside <c>landing/&lt;feed&gt;/</c>, and writes quarantine for the owner and group only.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class ConfinementTests : IDisposable
{
    private const UnixFileMode Others = UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
    private readonly IngestHarness _h = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("ti-outside-").FullName;

    public void Dispose()
    {
        _h.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private static object Comment(string id, string text) =>
        new { event_id = id, ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", text };

    /// <summary>A file outside the data folder whose lines look like comments (and one that does not, as /etc/shadow's would not).</summary>
    private string OutsideFile(string name)
    {
        var path = Path.Combine(_outside, name);
        File.WriteAllText(path, IngestHarness.Lines(Comment("secret-1", "内部资料：供应商底价"), "root:$6$saltsalt$hash:20000:0:99999:7:::"));
        return path;
    }

    [Fact]
    public void Ingest_FileSymlinkToOutside_NotReadAndReported()
    {
        _h.Write(Feeds.Comments, "ok.jsonl", IngestHarness.Lines(Comment("c1", "露营真好")));
        var link = Path.Combine(_h.Layout.LandingFeed(Feeds.Comments), "s.jsonl");
        File.CreateSymbolicLink(link, OutsideFile("shadow.jsonl"));

        var s = _h.Run();

        Assert.Equal(1, s.RowsRead);
        Assert.Equal(1, s.FilesProcessed);
        Assert.Equal(["c1"], _h.Lake(Feeds.Comments).Select(r => (string)r["event_id"]!));
        Assert.Empty(_h.Quarantine(Feeds.Comments));
        var refused = Assert.Single(s.Refused);
        Assert.Equal(link, refused.Path);
        Assert.Equal(Feeds.Comments, refused.Feed);
        Assert.Contains("symbolic link", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("ingest.follow_symlinks", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_FeedFolderSymlink_NotReadAndReported()
    {
        OutsideFile("c.jsonl");
        Directory.CreateDirectory(_h.Layout.Landing);
        Directory.CreateSymbolicLink(_h.Layout.LandingFeed(Feeds.Comments), _outside);
        _h.Write(Feeds.Search, "q.jsonl", IngestHarness.Lines(new { event_id = "q1", ts = "2026-11-10T12:00:00+08:00", query = "国风汉服" }));

        var s = _h.Run();

        Assert.Equal(1, s.Accepted);
        Assert.Empty(_h.Lake(Feeds.Comments));
        var refused = Assert.Single(s.Refused);
        Assert.Equal(_h.Layout.LandingFeed(Feeds.Comments), refused.Path);
        Assert.Contains("feed folder is a symbolic link", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_DanglingSymlink_ReportedNotFatal()
    {
        _h.Write(Feeds.Comments, "ok.jsonl", IngestHarness.Lines(Comment("c1", "露营真好")));
        File.CreateSymbolicLink(Path.Combine(_h.Layout.LandingFeed(Feeds.Comments), "gone.jsonl"), Path.Combine(_outside, "missing.jsonl"));

        var s = _h.Run();

        Assert.Equal(1, s.Accepted);
        Assert.Single(s.Refused);
    }

    [Fact]
    public void Ingest_FollowSymlinksOn_ReadsTheLinkedFile()
    {
        _h.Config.Ingest.FollowSymlinks = true;
        Directory.CreateDirectory(_h.Layout.LandingFeed(Feeds.Comments));
        File.CreateSymbolicLink(Path.Combine(_h.Layout.LandingFeed(Feeds.Comments), "s.jsonl"), OutsideFile("shared.jsonl"));

        var s = _h.Run();

        Assert.Equal(2, s.RowsRead);
        Assert.Equal(1, s.Accepted);
        Assert.Empty(s.Refused);
    }

    [Fact]
    public void Ingest_QuarantineFiles_OwnerAndGroupOnly()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", "露营真好"), "{\"event_id\": \"c2\", \"text\": \"坏"));

        _h.Run();

        var files = Directory.GetFiles(_h.Layout.Quarantine, "*", SearchOption.AllDirectories);
        var file = Assert.Single(files);
        // 0640 at most (a stricter umask may take the group's read away too).
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(file) & ~QuarantineWriter.FileMode);
        Assert.True(File.GetUnixFileMode(file).HasFlag(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        for (var folder = Path.GetDirectoryName(file)!; folder.Length >= _h.Layout.Quarantine.Length; folder = Path.GetDirectoryName(folder)!)
        {
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(folder) & ~QuarantineWriter.FolderMode);
        }
    }

    [Fact]
    public void Ingest_ExistingWorldReadableQuarantineFolder_Narrowed()
    {
        Directory.CreateDirectory(_h.Layout.Quarantine, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines("not json"));

        _h.Run();

        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(_h.Layout.Quarantine) & Others);
    }

    [Theory]
    [InlineData("../../../outside/*.jsonl")]
    [InlineData("../*.jsonl")]
    [InlineData("/etc/*.conf")]
    [InlineData("sub/*.jsonl")]
    public void Ingest_PatternLeavingTheLandingFolder_ClearErrorNamingTheKey(string pattern)
    {
        _h.Config.Ingest.Patterns = ["*.jsonl", pattern];
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", "露营真好")));

        var error = Assert.Throws<TrendInsightException>(() => _h.Run());

        Assert.Contains("ingest.patterns", error.Message, StringComparison.Ordinal);
        Assert.Contains(pattern, error.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Lake(Feeds.Comments));
    }
}
