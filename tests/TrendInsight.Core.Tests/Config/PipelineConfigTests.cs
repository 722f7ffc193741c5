using System.Globalization;
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

    [Theory]
    [InlineData("")]
    [InlineData("# 只有注释\n\n")]
    public void Load_EmptyFile_ErrorNamingTheFile(string yaml)
    {
        var path = Write(yaml);

        var error = Assert.Throws<TrendInsightException>(() => PipelineConfig.Load(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("engine:\n  threads: 1\n  threads: 2\n", 3, "threads")]
    [InlineData("engine:\n  threads: 1\ningest:\n  max_text_length: 500\nengine:\n  threads: 2\n", 5, "engine")]
    public void Load_DuplicateKey_ErrorNamingKeyAndLine(string yaml, int line, string key)
    {
        var path = Write(yaml);

        var error = Assert.Throws<TrendInsightException>(() => PipelineConfig.Load(path));

        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:"), error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("engine:\n  memory_limt: 2GB\n", "engine.memory_limt", "unknown key")]
    [InlineData("ingest:\n  patterns: \"*.jsonl\"\n", "ingest.patterns", "expected a list")]
    [InlineData("engine:\n  threads: [1, 2]\n", "engine.threads", "expected a whole number, found a list")]
    [InlineData("engine:\n  threads: many\n", "engine.threads", "expected a whole number, found 'many'")]
    [InlineData("engine: 5\n", "engine", "expected settings")]
    [InlineData("ingest:\n  follow_symlinks: maybe\n", "ingest.follow_symlinks", "expected true or false")]
    [InlineData("analysis:\n  weights:\n    search: lots\n", "analysis.weights.search", "expected a number")]
    [InlineData("- engine\n- ingest\n", "", "expected sections")]
    public void Load_ValueOfTheWrongKind_SaysWhatYamlWasExpectedNotADotNetType(string yaml, string key, string expected)
    {
        var path = Write(yaml);

        var error = Assert.Throws<TrendInsightException>(() => PipelineConfig.Load(path));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TrendInsight.Core", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("deserializ", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("../../../etc/*.conf")]
    [InlineData("/etc/*.conf")]
    [InlineData("sub/*.jsonl")]
    [InlineData("..")]
    public void Load_PatternOutsideTheLandingFolder_ErrorNamingTheKey(string pattern)
    {
        var path = Write($"ingest:\n  patterns: [\"*.jsonl\", \"{pattern}\"]\n");

        var error = Assert.Throws<TrendInsightException>(() => PipelineConfig.Load(path));

        Assert.Contains("ingest.patterns[1]", error.Message, StringComparison.Ordinal);
        Assert.Contains(pattern, error.Message, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(folder, "trendinsight.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
