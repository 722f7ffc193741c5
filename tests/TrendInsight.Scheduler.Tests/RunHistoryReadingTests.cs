using System.Security.Cryptography;
using TrendInsight.Core;
using TrendInsight.Scheduler.State;
using TrendInsight.Scheduler.Tests.TestDoubles;

namespace TrendInsight.Scheduler.Tests;

/// <summary><c>status</c> reads the run history without creating, converting or writing anything in the data folder.</summary>
public class RunHistoryReadingTests
{
    [Fact]
    public void ForReading_HistoryWrittenBefore_ReadsItsRunsAndLeavesTheFileAsItWas()
    {
        using var temp = new TempFolder();
        var layout = new DataLayout(temp.Path);
        var writer = RunHistory.ForLayout(layout, TimeProvider.System);
        var id = writer.Start("ingest", new DateOnly(2026, 11, 11), 1, "双11-node");
        writer.End(id, "succeeded", null);
        var before = Digest(writer.Path);

        var runs = RunHistory.ForReading(layout, TimeProvider.System).LastRuns(5);

        var run = Assert.Single(runs);
        Assert.Equal(("ingest", "succeeded"), (run.Job, run.Outcome));
        Assert.Equal(before, Digest(writer.Path));
    }

    [Fact]
    public void ForReading_NoHistoryYet_FailsNamingTheFileAndCreatesNothing()
    {
        using var temp = new TempFolder();
        var layout = new DataLayout(temp.Path);

        var error = Assert.Throws<TrendInsightException>(() => RunHistory.ForReading(layout, TimeProvider.System).LastRuns(5));

        Assert.Contains("runs.db", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(layout.State));
    }

    private static string Digest(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
