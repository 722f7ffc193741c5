namespace TrendInsight.EndToEnd.Tests;

/// <summary>
/// The test classes that read one small simulated world, ingested and analysed for two report dates,
/// built once for all of them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SimulatedWorldCollection : ICollectionFixture<ReportConsistencyTests.World>
{
    public const string Name = "simulated world";
}
