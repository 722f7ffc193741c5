namespace TrendInsight.EndToEnd.Tests;

public sealed class WordsCommandTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("ti-e2e-words-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    private static readonly string Lines = string.Join('\n', Enumerable.Range(0, 40).Select(i =>
        i % 2 == 0 ? $"今天试了多巴胺穿搭配色 第{i}天" : $"周末去露营 带上多巴胺穿搭配色的外套 {i}"));

    [Fact]
    public void Words_WithADataFolder_KeepsTheParsedDictionaryWhereAnalyzeDoes()
    {
        Directory.CreateDirectory(Path.Combine(data, "state"));

        var first = CliProcess.Run(Lines, "--data", data, "words", "--min-count", "5");
        var second = CliProcess.Run(Lines, "--data", data, "words", "--min-count", "5");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Single(Directory.GetFiles(Path.Combine(data, "state", "vocabulary"), "segmenter-*.bin"));
    }

    [Fact]
    public void Words_WithoutADataFolder_MakesNone()
    {
        var missing = Path.Combine(data, "not-there");

        var result = CliProcess.Run(Lines, "--data", missing, "words", "--min-count", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(Directory.Exists(missing));
    }
}
