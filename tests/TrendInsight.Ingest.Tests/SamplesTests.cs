using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Tests;

/// <summary>The committed sample landing files (data/samples/landing) give the counts their README promises.</summary>
public sealed class SamplesTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static string SamplesLanding => Path.Combine(AssetLocator.Root, "data", "samples", "landing");

    [Fact]
    public async Task Ingest_Samples_CountsPerFeedAndIdentity()
    {
        var service = new IngestService(_h.Config, _h.Clock) { LandingFolder = SamplesLanding };

        var s = await service.IngestAsync(_h.Layout, null, null, CancellationToken.None);

        IngestHarness.AssertIdentity(s);
        var byFeed = service.LastFeeds.ToDictionary(f => f.Feed, f => (f.RowsRead, f.Accepted, f.Quarantined, f.Duplicates, f.FilesSkipped));
        Assert.Equal((12L, 5L, 6L, 1L, 1), byFeed[Feeds.Search]);
        Assert.Equal((10L, 5L, 4L, 1L, 0), byFeed[Feeds.Comments]);
        Assert.Equal((123L, 120L, 3L, 0L, 0), byFeed[Feeds.Engagement]);
        Assert.Equal((5L, 3L, 1L, 1L, 0), byFeed[Feeds.Content]);
        Assert.Equal((6L, 3L, 2L, 1L, 0), byFeed[Feeds.Products]);
        Assert.All(service.LastFeeds, f => Assert.Equal(f.RowsRead, f.Accepted + f.Quarantined + f.Duplicates));

        var products = _h.Lake(Feeds.Products, "product_id");
        Assert.Equal("新中式国风马面裙 秋冬加厚 (新款)", products[0]["title"]);
        Assert.Equal("复古灯芯绒外套\n男女同款", products[2]["title"]);
        Assert.True(File.Exists(_h.Layout.Warehouse));
    }

    /// <summary>
    /// Segment and action columns are staged as ENUMs and written as such (a dictionary of the ENUM's values, hence
    /// RLE_DICTIONARY); in the Parquet file they are UTF-8 string columns like every other text column. A partition
    /// that also holds a file written before, with the column as VARCHAR, reads as one string column. The run uses
    /// two DuckDB threads, which staging lowers to one and sets back for the writes.
    /// </summary>
    [Fact]
    public async Task Ingest_Samples_SegmentAndActionColumnsAreUtf8StringsInParquet()
    {
        _h.Config.Engine.Threads = 2;
        var service = new IngestService(_h.Config, _h.Clock) { LandingFolder = SamplesLanding };
        await service.IngestAsync(_h.Layout, null, null, CancellationToken.None);

        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 });
        using var conn = db.Connect();
        var glob = Path.Combine(_h.Layout.RawFeed(Feeds.Engagement), "*=*", "*.parquet");
        var columns = conn.Query(
            "SELECT DISTINCT name, type, converted_type FROM parquet_schema($glob) WHERE name IN ('action', 'age_band', 'gender', 'city_tier', 'event_id') ORDER BY name",
            r => $"{r.GetString(0)} {r.GetString(1)} {r.GetString(2)}", ("glob", glob));
        Assert.Equal(["action BYTE_ARRAY UTF8", "age_band BYTE_ARRAY UTF8", "city_tier BYTE_ARRAY UTF8", "event_id BYTE_ARRAY UTF8", "gender BYTE_ARRAY UTF8"], columns);
        Assert.Equal("RLE_DICTIONARY", conn.Scalar<string>("SELECT DISTINCT encodings FROM parquet_metadata($glob) WHERE path_in_schema = 'action'", ("glob", glob)));

        var lake = _h.Lake(Feeds.Engagement, "event_id");
        var file = Directory.EnumerateFiles(_h.Layout.RawFeed(Feeds.Engagement), "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var old = Path.Combine(Path.GetDirectoryName(file)!, "part-before.parquet");
        conn.Execute($"COPY (SELECT * REPLACE (action::VARCHAR AS action, gender::VARCHAR AS gender) FROM read_parquet({DuckDbSql.Literal(file)})) TO {DuckDbSql.Literal(old)} (FORMAT parquet)");
        var both = _h.Lake(Feeds.Engagement, "event_id");

        Assert.All(lake, r => Assert.IsType<string>(r["action"]));
        Assert.Contains("like", lake.Select(r => r["action"]));
        var copied = conn.Scalar<long>($"SELECT count(*) FROM read_parquet({DuckDbSql.Literal(file)})");
        Assert.Equal(lake.Count + copied, both.Count);
        Assert.All(both, r => Assert.IsType<string>(r["action"]));
    }

    [Fact]
    public async Task Ingest_SamplesTwice_SecondRunReadsNothing()
    {
        var first = new IngestService(_h.Config, _h.Clock) { LandingFolder = SamplesLanding };
        await first.IngestAsync(_h.Layout, null, null, CancellationToken.None);
        var second = new IngestService(_h.Config, _h.Clock) { LandingFolder = SamplesLanding };

        var s = await second.IngestAsync(_h.Layout, null, null, CancellationToken.None);

        Assert.Equal((0L, 0, 0), (s.RowsRead, s.FilesProcessed, s.FilesSkipped));
        var status = IngestStatus.Read(_h.Layout)!;
        Assert.Equal(2, status.LastRuns.Count);
        Assert.Equal(136, status.Feeds.Sum(f => f.Accepted));
        Assert.Equal(136, status.Partitions.Sum(p => p.LakeRows));
        Assert.Equal(16, status.Partitions.Sum(p => p.QuarantineRows));
    }

    [Fact]
    public async Task Ingest_OneFeed_OnlyThatFeedRead()
    {
        var service = new IngestService(_h.Config, _h.Clock) { LandingFolder = SamplesLanding };

        var s = await service.IngestAsync(_h.Layout, Feeds.Products, null, CancellationToken.None);

        Assert.Equal(6, s.RowsRead);
        Assert.Equal([Feeds.Products], service.LastFeeds.Select(f => f.Feed));
    }
}
