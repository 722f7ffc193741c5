using System.Diagnostics;
using System.Globalization;
using TrendInsight.Core;

namespace TrendInsight.Ingest.Tests;

/// <summary>
/// A real child ingest process (this assembly's own entry point) is stopped at a named point and killed
/// with SIGKILL; the next run must leave every accepted row in the lake exactly once.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static object Comment(int i) =>
        new { event_id = $"c{i}", ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", text = $"第{i}条 國風露营😍" };

    private static object Content(string id, string ts, string title) => new { content_id = id, ts, title, tags = new[] { "露营" } };

    [Theory]
    [InlineData("before-rename")]
    [InlineData("after-rename")]
    [InlineData("after-manifest")]
    public async Task Ingest_KilledAtPointThenRerun_EveryAcceptedRowOnce(string point)
    {
        _h.Write(Feeds.Comments, "a.jsonl", IngestHarness.Lines(Enumerable.Range(0, 20).Select(Comment).ToArray()));
        _h.Write(Feeds.Content, "a.jsonl", IngestHarness.Lines(Content("n-1", "2026-11-09T10:00:00+08:00", "露营 v1"), Content("n-2", "2026-11-09T11:00:00+08:00", "国风 v1")));
        _h.Run();

        _h.Write(Feeds.Comments, "b.jsonl", IngestHarness.Lines([.. Enumerable.Range(10, 40).Select(Comment), "{broken"]));
        _h.Write(Feeds.Content, "b.jsonl", IngestHarness.Lines(Content("n-1", "2026-11-10T10:00:00+08:00", "露营 v2")));

        await RunChildUntilKilledAsync(point);
        if (point == "after-rename")
        {
            // The kill really came after some Parquet of the new run was in the lake, before its manifest.
            Assert.True(Directory.EnumerateFiles(_h.Layout.Raw, "*.parquet", SearchOption.AllDirectories).Count() > 3);
        }

        var rerun = _h.Run();

        var comments = _h.Lake(Feeds.Comments, "event_id");
        Assert.Equal(50, comments.Count);
        Assert.Equal(50, comments.Select(r => (string)r["event_id"]!).Distinct(StringComparer.Ordinal).Count());
        var content = _h.Lake(Feeds.Content, "content_id");
        Assert.Equal(["露营 v2", "国风 v1"], content.Select(r => (string)r["title"]!));
        Assert.Single(_h.Quarantine(Feeds.Comments));
        if (point == "after-manifest")
        {
            Assert.Equal(0, rerun.FilesProcessed);
        }
        else
        {
            Assert.Equal((2, 30L, 10L, 1L), (rerun.FilesProcessed, rerun.Accepted - 1, rerun.Duplicates, rerun.Quarantined));
        }
    }

    private async Task RunChildUntilKilledAsync(string point)
    {
        var marker = Path.Combine(_h.Root, "paused-" + point);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(CrashTests).Assembly.Location);
        start.ArgumentList.Add("ingest");
        start.ArgumentList.Add(_h.Root);
        start.ArgumentList.Add(_h.Layout.Landing);
        start.ArgumentList.Add(IngestHarness.Now.ToString("O", CultureInfo.InvariantCulture));
        start.Environment[IngestService.PauseVariable] = point;
        start.Environment[IngestService.PauseMarkerVariable] = marker;

        using var child = Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!File.Exists(marker))
        {
            if (child.HasExited)
            {
                Assert.Fail($"child ingest ended (exit {child.ExitCode}) before {point}: {await stderr}");
            }

            await Task.Delay(100, cts.Token);
        }

        child.Kill(); // SIGKILL on Linux: no finally blocks, no flush, no cleanup.
        await child.WaitForExitAsync(cts.Token);
        Assert.Equal(137, child.ExitCode);
    }
}
