using System.Text.Json;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Ingest;

namespace TrendInsight.Simulation.Tests;

/// <summary>Simulated landing files through the real ingest: exactly the planted bad rows are quarantined.</summary>
public sealed class IngestEndToEndTests : IDisposable
{
    private static readonly DateOnly End = new(2026, 11, 21);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ti-sim-ingest-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task IngestAsync_SimulatedFiles_QuarantinesExactlyThePlantedBadRows()
    {
        var layout = new DataLayout(_root);
        var summary = new Simulator(TimeProvider.System).Run(new SimulationOptions
        {
            OutputDirectory = layout.Landing, Days = 30, End = End, Seed = 11, Scale = 0.02,
        });
        using var truth = JsonDocument.Parse(File.ReadAllBytes(summary.GroundTruthPath));
        var feeds = truth.RootElement.GetProperty("feeds");

        // Ingest runs the morning after the last simulated day.
        var clock = new FakeTimeProvider(new DateTimeOffset(End.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        var ingest = new IngestService(new PipelineConfig(), clock);
        var result = await ingest.IngestAsync(layout, null, null, CancellationToken.None);

        foreach (var tally in ingest.LastFeeds)
        {
            var planted = feeds.GetProperty(tally.Feed);
            var plantedReasons = planted.GetProperty("bad_rows").EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
            Assert.Equal(plantedReasons.OrderBy(p => p.Key, StringComparer.Ordinal), tally.Reasons);
            Assert.Equal(planted.GetProperty("bad_rows_total").GetInt64(), tally.Quarantined);
            Assert.Equal(planted.GetProperty("rows").GetInt64(), tally.RowsRead);
            if (tally.Feed is Feeds.Search or Feeds.Comments or Feeds.Engagement)
            {
                Assert.Equal(planted.GetProperty("duplicates_total").GetInt64(), tally.Duplicates);
                Assert.Equal(planted.GetProperty("good_rows").GetInt64(), tally.Accepted);
            }
            else
            {
                // Content and products keep the latest version per id; earlier snapshots count as duplicates.
                Assert.Equal(planted.GetProperty("good_rows").GetInt64(), tally.Accepted + tally.Duplicates);
            }

            Assert.Equal(tally.Feed == Feeds.Search ? 1 : 0, tally.FilesSkipped);
            Assert.Equal(30, tally.FilesProcessed);
        }

        Assert.Equal(5, ingest.LastFeeds.Count);
        Assert.Equal(result.RowsRead, result.Accepted + result.Quarantined + result.Duplicates);
        Assert.Equal(summary.TotalRows, result.RowsRead);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
