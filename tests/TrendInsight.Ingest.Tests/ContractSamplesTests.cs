using TrendInsight.Core;
using TrendInsight.Core.Contract;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Tests;

/// <summary>The example files of docs/landing-contract.md (data/samples/contract) are all accepted, spellings read as the contract's values.</summary>
public sealed class ContractSamplesTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Ingest_ContractExamples_EveryRowAcceptedNoUnknownValues()
    {
        var service = new IngestService(_h.Config, _h.Clock) { LandingFolder = Path.Combine(AssetLocator.Root, "data", "samples", "contract") };

        var s = await service.IngestAsync(_h.Layout, null, null, CancellationToken.None);

        Assert.Equal((45L, 45L, 15), (s.RowsRead, s.Accepted, s.FilesProcessed));
        Assert.All(service.LastFeeds, f => Assert.Empty(f.UnknownSegments));
        foreach (var feed in new[] { Feeds.Search, Feeds.Comments, Feeds.Engagement })
        {
            var rows = _h.Lake(feed, "event_id");
            foreach (var d in LandingContract.Segments)
            {
                var allowed = d.Values.Select(v => v.Value).Append(LandingContract.Unknown).ToHashSet(StringComparer.Ordinal);
                Assert.All(rows, r => Assert.Contains((string)r[d.Field]!, allowed));
            }
        }

        var csv = _h.Lake(Feeds.Search, "event_id").Where(r => ((string)r["event_id"]!).StartsWith("s-c", StringComparison.Ordinal)).ToList();
        Assert.Equal([12000L, 1234L, 100000L], csv.Select(r => (long)r["count"]!));
        Assert.Equal(["new1", "1", "3"], csv.Select(r => (string)r["city_tier"]!));

        using var db = DuckDbDatabase.Open(_h.Layout.Warehouse, new DuckDbConfig { Threads = 1 });
        using var conn = db.Connect();
        Assert.Equal(15.0, conn.Scalar<double>("SELECT engagement_units(100, 1, 1, 1)"));
        Assert.Equal(LandingContract.Segments.Sum(d => d.Values.Count + 1), conn.Scalar<long>("SELECT count(*) FROM contract_segments"));
        Assert.Equal("likes", conn.Scalar<string>("SELECT measure FROM contract_actions WHERE action = 'favorite'"));
    }
}
