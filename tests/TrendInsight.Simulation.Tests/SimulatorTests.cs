using System.Security.Cryptography;
using TrendInsight.Core;

namespace TrendInsight.Simulation.Tests;

public sealed class SimulatorTests : IDisposable
{
    private readonly List<string> _folders = [];

    [Fact]
    public void Run_SameSeed_WritesByteIdenticalFiles()
    {
        var a = Simulate(seed: 7);
        var b = Simulate(seed: 7);

        var filesA = Hashes(a);
        var filesB = Hashes(b);
        Assert.True(filesA.Count > 5 * 20, "expected a file per feed per day");
        Assert.Equal(filesA, filesB);
    }

    [Fact]
    public void Run_DifferentSeed_WritesDifferentFiles()
    {
        var a = Hashes(Simulate(seed: 7));
        var b = Hashes(Simulate(seed: 8));

        Assert.Equal(a.Keys, b.Keys);
        var differing = a.Keys.Count(k => a[k] != b[k]);
        Assert.True(differing > a.Count / 2, $"only {differing} of {a.Count} files differ");
    }

    [Fact]
    public void Run_NoEndDate_EndsYesterdayInShanghai()
    {
        // 17:30 UTC on 22 November is 01:30 on 23 November in Shanghai: yesterday there is the 22nd.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero));
        var root = NewFolder();

        var summary = new Simulator(clock).Run(new SimulationOptions { OutputDirectory = root, Days = 3, Scale = 0.01 });

        Assert.Equal(new DateOnly(2026, 11, 22), summary.End);
        Assert.Equal(new DateOnly(2026, 11, 20), summary.Start);
        Assert.True(File.Exists(Path.Combine(root, "search", "2026-11-22.jsonl")));
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(10, 0.0)]
    [InlineData(10, -1.0)]
    public void Run_InvalidOptions_ThrowsNamingTheOption(int days, double scale)
    {
        var simulator = new Simulator(TimeProvider.System);

        var ex = Assert.Throws<TrendInsightException>(() =>
            simulator.Run(new SimulationOptions { OutputDirectory = NewFolder(), Days = days, Scale = scale }));

        Assert.Contains(days < 1 ? "--days" : "--scale", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public void Run_Summary_RowsAreGoodPlusBadPlusDuplicates()
    {
        var root = NewFolder();
        var summary = new Simulator(TimeProvider.System).Run(new SimulationOptions
        {
            OutputDirectory = root, Days = 10, End = new DateOnly(2026, 7, 1), Scale = 0.02, Seed = 3,
        });

        Assert.Equal(5, summary.Feeds.Count);
        foreach (var feed in summary.Feeds)
        {
            Assert.Equal(10, feed.Files);
            Assert.Equal(feed.Rows, feed.GoodRows + feed.BadRows + feed.Duplicates);
            Assert.True(feed.BadRows > 0, $"{feed.Feed}: the first day plants one bad row of every reason");
        }
    }

    [Fact]
    public void Run_FolderHoldsAnEarlierRun_ListsItsFilesAsOtherFiles()
    {
        var root = NewFolder();
        var simulator = new Simulator(TimeProvider.System);
        simulator.Run(new SimulationOptions { OutputDirectory = root, Days = 2, End = new DateOnly(2026, 7, 1), Scale = 0.01 });

        var again = simulator.Run(new SimulationOptions { OutputDirectory = root, Days = 2, End = new DateOnly(2026, 7, 2), Scale = 0.01 });

        // Every file of 30 June (and 1 July files whose format differed on the first run) is left over.
        foreach (var feed in Feeds.All)
        {
            Assert.Single(again.OtherFiles, f => f.StartsWith(feed + "/2026-06-30.", StringComparison.Ordinal) && !f.Contains("resend", StringComparison.Ordinal));
            Assert.DoesNotContain(again.OtherFiles, f => f.Contains("2026-07-02", StringComparison.Ordinal));
        }

        Assert.Contains("search/2026-06-30.resend.jsonl", again.OtherFiles);
        Assert.All(again.OtherFiles, f => Assert.True(File.Exists(Path.Combine(root, f))));
    }

    [Fact]
    public void Run_DoubleElevenTooCloseToTheEnd_PlacesTheFestivalOutsideTheScoredWindows()
    {
        var root = NewFolder();
        var summary = new Simulator(TimeProvider.System).Run(new SimulationOptions
        {
            OutputDirectory = root, Days = 120, End = new DateOnly(2026, 11, 21), Scale = 0.005,
        });

        using var truth = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(summary.GroundTruthPath));
        var festival = truth.RootElement.GetProperty("event");
        var date = DateOnly.ParseExact(festival.GetProperty("date").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("大促", festival.GetProperty("name").GetString());
        Assert.True(date <= summary.End.AddDays(-42) && date >= summary.Start.AddDays(7), date.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(festival.GetProperty("queries").EnumerateArray(), q => Assert.StartsWith("大促", q.GetString(), StringComparison.Ordinal));
    }

    public void Dispose()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Simulate(ulong seed)
    {
        var root = NewFolder();
        new Simulator(TimeProvider.System).Run(new SimulationOptions
        {
            OutputDirectory = root, Days = 20, End = new DateOnly(2026, 11, 15), Seed = seed, Scale = 0.01,
        });
        return root;
    }

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ti-sim-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        return folder;
    }

    private static SortedDictionary<string, string> Hashes(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(root, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return result;
    }
}
