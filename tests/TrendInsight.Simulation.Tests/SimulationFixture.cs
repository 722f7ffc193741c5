using System.Text.Json;

namespace TrendInsight.Simulation.Tests;

/// <summary>One 120-day simulation at 5 % volume, shared by the tests that read it.</summary>
public sealed class SimulationFixture : IDisposable
{
    public static readonly DateOnly EndDate = new(2026, 12, 31);

    public SimulationFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "ti-sim-" + Guid.NewGuid().ToString("N"));
        Summary = new Simulator(new FakeTimeProvider(DateTimeOffset.UnixEpoch)).Run(new SimulationOptions
        {
            OutputDirectory = Root,
            Days = 120,
            End = EndDate,
            Seed = 42,
            Scale = 0.05,
        });
        GroundTruth = JsonDocument.Parse(File.ReadAllBytes(Summary.GroundTruthPath));
    }

    public string Root { get; }

    public SimulationSummary Summary { get; }

    public JsonDocument GroundTruth { get; }

    public void Dispose()
    {
        GroundTruth.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
