using DuckDB.NET.Data;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.DuckDb;
using TrendInsight.Text;

namespace TrendInsight.Analysis.Tests;

/// <summary>
/// The fixture lake, analysed once as of day 53 (a week before the 露营 peak), shared by a test class;
/// then analysed again unchanged, to check that nothing is rebuilt.
/// </summary>
public sealed class AnalyzedLakeFixture : IDisposable
{
    public AnalyzedLakeFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "trendinsight-analysis-" + Guid.NewGuid().ToString("N"));
        Layout = new DataLayout(Root);
        using (var normalizer = TextNormalizer.Create())
        {
            FixtureLake.Write(Root, normalizer);
        }

        Config = new PipelineConfig();
        Config.Engine.Threads = 2;
        Config.Engine.MemoryLimit = "2GB";
        Config.Analysis.SegmentThreads = 2;
        var lexicon = Path.Combine(AppContext.BaseDirectory, "TestData", "lexicon");
        Extractor = TextResources.LoadExtractor(Config.Text, lexicon);
        // small batches: every day of the fixture goes through many read–segment–append rounds
        Service = new AnalyzeService(Config, TimeProvider.System, null, lexicon, null) { SegmentBatchSize = 256 };
        Summary = Service.AnalyzeAsync(Layout, AsOf, null, CancellationToken.None).GetAwaiter().GetResult();
        FirstBuiltDays = Service.LastBuiltDays;
        Rerun = Service.AnalyzeAsync(Layout, AsOf, null, CancellationToken.None).GetAwaiter().GetResult();
        RerunBuiltDays = Service.LastBuiltDays;

        // one day's raw file rewritten (same rows, other bytes): only that day is segmented again
        var comments = Directory.GetFiles(Layout.RawPartition(Feeds.Comments, TouchedDay), "*.parquet")[0];
        using (var rewrite = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 }))
        using (var c = rewrite.Connect())
        {
            var from = comments.Replace("'", "''", StringComparison.Ordinal);
            c.Execute($"COPY (SELECT * FROM read_parquet('{from}', hive_partitioning = false) ORDER BY event_id DESC) TO '{from}.tmp' (FORMAT parquet, COMPRESSION snappy)");
        }

        File.Move(comments + ".tmp", comments, overwrite: true);
        Service.AnalyzeAsync(Layout, AsOf, null, CancellationToken.None).GetAwaiter().GetResult();
        TouchedBuiltDays = Service.LastBuiltDays;
        Db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 2 });
        Conn = Db.Connect();
    }

    public static DateOnly AsOf { get; } = FixtureLake.Day(FixtureLake.CampingPeak - 7);

    public static DateOnly TouchedDay { get; } = AsOf.AddDays(-3);

    public IReadOnlyList<DateOnly> TouchedBuiltDays { get; }

    public string Root { get; }
    public DataLayout Layout { get; }
    public PipelineConfig Config { get; }
    internal TermExtractor Extractor { get; }
    public AnalyzeService Service { get; }
    public AnalyzeSummary Summary { get; }
    public AnalyzeSummary Rerun { get; }
    public IReadOnlyList<DateOnly> FirstBuiltDays { get; }
    public IReadOnlyList<DateOnly> RerunBuiltDays { get; }
    public DuckDbDatabase Db { get; }
    public DuckDBConnection Conn { get; }

    /// <summary>A mart of the analysis date as a DuckDB table expression.</summary>
    public string Mart(string name) =>
        $"read_parquet('{Path.Combine(Layout.Marts, name, BusinessCalendar.Partition(AsOf))}/*.parquet')";

    public void Dispose()
    {
        Conn.Dispose();
        Db.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder; the OS cleans it up if a file is still held
        }
    }
}
