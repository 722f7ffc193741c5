namespace TrendInsight.Analysis.Tests;

/// <summary>The test classes that share one analysed fixture lake.</summary>
[CollectionDefinition(Name)]
public sealed class AnalyzedLakeCollection : ICollectionFixture<AnalyzedLakeFixture>
{
    public const string Name = "analyzed lake";
}
