using TrendInsight.Core;
using TrendInsight.Core.Config;

namespace TrendInsight.Core.Tests.Config;

public sealed class PipelineConfigTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ti-config-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_ShippedConfiguration_IsValid()
    {
        var config = PipelineConfig.Load(PipelineConfig.DefaultPath);

        Assert.Equal("4GB", config.Engine.MemoryLimit);
    }

    [Fact]
    public void Load_UnknownKey_NamesFileLineAndKey()
    {
        var path = Write("engine:\n  threads: 2\n  memory_limt: 2GB\n");

        var error = Assert.Throws<TrendInsightException>(() => PipelineConfig.Load(path));

        Assert.StartsWith($"{path}:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("memory_limt", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Load_WrongType_NamesFileAndLine()
    {
        var path = Write("engine:\n  threads: many\n");

        var error = Assert.Throws<TrendInsightException>(() => PipelineConfig.Load(path));

        Assert.StartsWith($"{path}:2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidValue_NamesTheKey()
    {
        var path = Write("engine:\n  threads: -1\n");

        var error = Assert.Throws<TrendInsightException>(() => PipelineConfig.Load(path));

        Assert.Contains("engine.threads", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max_line_bytes: 100", "ingest.max_line_bytes")]
    [InlineData("max_id_bytes: 0", "ingest.max_id_bytes")]
    public void Load_IngestLimitOutOfRange_NamesTheKey(string line, string key)
    {
        var path = Write("ingest:\n  " + line + "\n");

        var error = Assert.Throws<TrendInsightException>(() => PipelineConfig.Load(path));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedConfiguration_IngestLimits()
    {
        var config = PipelineConfig.Load(PipelineConfig.DefaultPath);

        Assert.Equal((1_048_576, 256), (config.Ingest.MaxLineBytes, config.Ingest.MaxIdBytes));
    }

    [Fact]
    public void Load_MissingFile_SaysWhichFile()
    {
        var path = Path.Combine(folder, "nope.yaml");

        var error = Assert.Throws<TrendInsightException>(() => PipelineConfig.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_GivesDefaults()
    {
        var config = PipelineConfig.Load(Write(string.Empty));

        Assert.Equal(0, config.Engine.Threads);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(folder, "trendinsight.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
