using TrendInsight.Core.Config;

namespace TrendInsight.Core.Tests.Config;

/// <summary><c>ingest.spellings</c>, <c>ingest.age_band_cuts</c> and <c>ingest.time_zone</c> in pipelines/trendinsight.yaml.</summary>
public sealed class IngestSpellingsConfigTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ti-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_Spellings_Bound()
    {
        var config = PipelineConfig.Load(Write("ingest:\n  time_zone: Asia/Urumqi\n  spellings:\n    city_tier: {省会城市: new1, 县城: \"5\"}\n    action: {在看: like}\n"));

        Assert.Equal("new1", config.Ingest.Spellings["city_tier"]["省会城市"]);
        Assert.Equal("5", config.Ingest.Spellings["city_tier"]["县城"]);
        Assert.Equal("like", config.Ingest.Spellings["action"]["在看"]);
        Assert.Equal("Asia/Urumqi", config.Ingest.Zone.Id);
    }

    [Theory]
    [InlineData("ingest:\n  spellings:\n    city: {一线: \"1\"}\n", "ingest.spellings.city: unknown field")]
    [InlineData("ingest:\n  spellings:\n    city_tier: {一线: tier1}\n", "'一线' maps to 'tier1', which is not one of 1, new1, 2, 3, 4, 5")]
    [InlineData("ingest:\n  age_band_cuts: round\n", "ingest.age_band_cuts: 'round' is neither nearest nor unknown")]
    [InlineData("ingest:\n  time_zone: Mars/Olympus\n", "ingest.time_zone: unknown time zone 'Mars/Olympus'")]
    [InlineData("ingest:\n  spellings:\n    gender: [男, 女]\n", "ingest.spellings.gender: expected 'name: value' lines")]
    public void Load_BadSpellingSetting_NamesTheKey(string yaml, string message)
    {
        var error = Assert.Throws<TrendInsightException>(() => PipelineConfig.Load(Write(yaml)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder, "trendinsight.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
