using DuckDB.NET.Data;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.DuckDb;
using TrendInsight.Reports.Model;
using TrendInsight.Reports.Rendering;
using TrendInsight.Reports.Tests.Support;

namespace TrendInsight.Reports.Tests;

/// <summary>The service end to end: marts in the documented shape on disk → model → files.</summary>
public sealed class ReportServiceTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 11, 21);
    private readonly string root = Path.Combine(Path.GetTempPath(), "ti-report-" + Guid.NewGuid().ToString("N"));
    private readonly DataLayout layout;
    private readonly ReportService service;

    public ReportServiceTests()
    {
        layout = new DataLayout(root);
        service = new ReportService(new PipelineConfig(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void BuildReport_MartsOfTheDate_FillsTopicsWithCountsAndEvidence()
    {
        WriteMarts();

        var report = service.BuildReport(layout, AsOf);

        Assert.Equal(new DateOnly(2026, 11, 15), report.RecentStart);
        Assert.Equal(["露营", "美拉德"], report.Topics.Select(t => t.Topic));
        var camping = report.Topics[0];
        Assert.Equal(TopicLifecycle.Rising, camping.Lifecycle);
        Assert.Equal(143.0, camping.GrowthPct!.Value, 6);
        Assert.Equal(3120, camping.Counts.Searches);
        Assert.Equal(35, camping.Series.Count);
        Assert.Equal(21, camping.Forecast.Count);
        Assert.Equal(0.12, camping.ForecastError);
        Assert.Equal(["露营", "天幕"], camping.RelatedTerms.Select(t => t.Term));
        Assert.Equal("18-23", ReportText.Leading(camping.Segments, "age_band")[0].Segment);
        Assert.Empty(ReportText.Leading(camping.Segments, "gender"));
        Assert.Equal(97.1, camping.Supply!.Opportunity, 6);
        Assert.True(camping.Supply.IsGap);
        Assert.Equal("growth_and_level", camping.Supply.Reason);
        Assert.Equal(new ListMovement(3, 2, false, 4), camping.Movement);
        Assert.Equal(0.78, camping.ForecastCoverage);
        Assert.True(camping.ForecastInformative);
        Assert.Equal(2, camping.Evidence.Count);
        Assert.Equal("秋冬露营穿搭｜复古山系", Assert.Single(camping.TopContent).Title);

        var breakout = report.Topics[1];
        Assert.Null(breakout.GrowthPct);
        Assert.Empty(breakout.Segments);
        Assert.Null(breakout.Supply);
        Assert.Equal(new ListMovement(null, null, true, 1), breakout.Movement);
        Assert.Equal(7, breakout.Series.Count);

        Assert.Equal(["老钱风", "松弛感"], report.Declining.Select(t => t.Topic));
        var relaxed = report.Declining[1];
        Assert.Equal(2, relaxed.Rank);
        Assert.Equal((0.28 - 1) * 100, relaxed.GrowthPct!.Value, 6);
        Assert.Equal(180, relaxed.Counts.Searches);
        Assert.Equal(35, relaxed.Series.Count);
        Assert.Equal(Enumerable.Range(0, 28).Sum(i => 206L - 5 * i), relaxed.BaselineMentions);
        Assert.Equal("美拉德", Assert.Single(report.Breakouts).Term);
        Assert.Equal(2, report.NewWords.Count);
        Assert.Equal(8, report.Volume.Searches);
        Assert.Equal(1, report.Volume.DaysWithData);
    }

    [Fact]
    public async Task WriteReportAsync_AllFormats_WritesThreeFilesUnderReportsDate()
    {
        WriteMarts();

        var result = await service.WriteReportAsync(layout, AsOf, ["html", "xlsx", "md"], null, null, CancellationToken.None);

        var folder = Path.Combine(root, "reports", "2026-11-21");
        Assert.Equal(
            [Path.Combine(folder, "trend-report.html"), Path.Combine(folder, "trend-report.xlsx"), Path.Combine(folder, "trend-report.md")],
            result.Files);
        Assert.All(result.Files, f => Assert.True(new FileInfo(f).Length > 0));
        Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp"));
        var html = await File.ReadAllTextAsync(result.Files[0]);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;灯芯绒外套配露营", html, StringComparison.Ordinal);
        Assert.Contains("涨势最强的话题是「露营」", html, StringComparison.Ordinal);
        using var xlsx = SpreadsheetDocument.Open(result.Files[1], false);
        Assert.Equal(6, xlsx.WorkbookPart!.WorksheetParts.Count());
        Assert.Contains("| 1 | ↑2 | 4 周 | 露营 | 上升 | +143% |", await File.ReadAllTextAsync(result.Files[2]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteReportAsync_NoAnalysisForTheDate_ThrowsSayingToAnalyzeAndWritesNothing()
    {
        var outDir = Path.Combine(root, "out");

        var ex = await Assert.ThrowsAsync<TrendInsightException>(
            () => service.WriteReportAsync(layout, AsOf, ["md"], outDir, null, CancellationToken.None));

        Assert.Contains($"trendinsight analyze --date {AsOf:yyyy-MM-dd}", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task WriteReportAsync_UnknownFormat_ThrowsNamingIt()
    {
        var ex = await Assert.ThrowsAsync<TrendInsightException>(
            () => service.WriteReportAsync(layout, AsOf, ["pdf"], null, null, CancellationToken.None));

        Assert.Contains("'pdf'", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public void Renderers_CommaSeparatedAndRepeated_EachFormatOnceInOrder()
    {
        var renderers = ReportService.Renderers(["md,html", "md", "XLSX"]);

        Assert.Equal(["md", "html", "xlsx"], renderers.Select(r => r.Format));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private void WriteMarts()
    {
        var sql = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "marts.sql"));
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 });
        using var conn = db.Connect();
        conn.Execute(sql);
        foreach (var mart in new[] { "topics", "trends", "topic_daily", "forecast", "topic_attributes", "topic_segments", "supply_gap", "evidence", "new_words", "topic_movement" })
        {
            Copy(conn, mart, Path.Combine(layout.Marts, mart, BusinessCalendar.Partition(AsOf)));
        }

        Copy(conn, "raw_search", layout.RawPartition(Feeds.Search, AsOf));

        // The report reads the raw lake through the list ingest publishes after its manifest commit.
        var rawSearch = Path.Combine(layout.RawPartition(Feeds.Search, AsOf), "part-0.parquet");
        CommittedLake.Of([new CommittedFile(Feeds.Search, AsOf, Path.GetRelativePath(layout.Root, rawSearch), 0, null, null, "fixture")]).Publish(layout);
        var termDaily = Path.Combine(layout.Marts, "term_daily").Replace("'", "''", StringComparison.Ordinal);
        conn.Execute($"COPY term_daily TO '{termDaily}' (FORMAT parquet, PARTITION_BY (dt))");
    }

    // COPY cannot take its target as a bound parameter; the path is the test's own temp folder.
    private static void Copy(DuckDBConnection conn, string table, string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "part-0.parquet").Replace("'", "''", StringComparison.Ordinal);
        conn.Execute(string.Create(CultureInfo.InvariantCulture, $"COPY {table} TO '{file}' (FORMAT parquet)"));
    }
}
