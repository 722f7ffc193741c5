using TrendInsight.Core;

namespace TrendInsight.Text.Tests;

public sealed class LexiconTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lexicon-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_MissingType_ErrorNamesFileAndLine()
    {
        File.WriteAllText(Path.Combine(_folder, "style.txt"), "# comment\n国风 style\n复古\n");
        var ex = Assert.Throws<TrendInsightException>(() => Lexicon.Load(_folder));
        Assert.Contains("style.txt:3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UpperCaseWord_Rejected()
    {
        File.WriteAllText(Path.Combine(_folder, "scene.txt"), "CityWalk scene\n");
        var ex = Assert.Throws<TrendInsightException>(() => Lexicon.Load(_folder));
        Assert.Contains("scene.txt:1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateAcrossFiles_ErrorNamesBoth()
    {
        File.WriteAllText(Path.Combine(_folder, "a.txt"), "飞盘 scene\n");
        File.WriteAllText(Path.Combine(_folder, "b.txt"), "飞盘 100 category\n");
        var ex = Assert.Throws<TrendInsightException>(() => Lexicon.Load(_folder));
        Assert.Contains("b.txt:1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a.txt:1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FrequencyAndType_Parsed()
    {
        File.WriteAllText(Path.Combine(_folder, "x.txt"), "\uFEFF多巴胺穿搭 300 style\nins风 style\n");
        var lexicon = Lexicon.Load(_folder);
        Assert.Equal(2, lexicon.Entries.Count);
        Assert.Equal(300, lexicon.Entries[0].Frequency);
        Assert.Null(lexicon.Entries[1].Frequency);
        Assert.Equal(LexiconType.Style, lexicon.Entries[1].Type);
    }

    [Fact]
    public void Load_Synonyms_VariantMapsToCanonical()
    {
        File.WriteAllText(Path.Combine(_folder, "scene.txt"), "citywalk scene\n城市漫步 scene\n");
        File.WriteAllText(Path.Combine(_folder, Lexicon.SynonymsFile), "# variant canonical\n城市漫步\tcitywalk\n");
        var lexicon = Lexicon.Load(_folder);
        Assert.Equal("citywalk", Assert.Single(lexicon.Synonyms, s => s.Key == "城市漫步").Value);
        Assert.Equal(2, lexicon.Entries.Count);
    }

    [Theory]
    [InlineData("城市漫步 citywalk\n城市漫步 逛街\n", "synonyms.tsv:2")]
    [InlineData("城市漫步 citywalk\ncitywalk 逛街\n", "synonyms.tsv:1")]
    [InlineData("城市漫步\n", "synonyms.tsv:1")]
    [InlineData("城市漫步 CityWalk\n", "synonyms.tsv:1")]
    public void Load_BadSynonyms_ErrorNamesFileAndLine(string text, string where)
    {
        File.WriteAllText(Path.Combine(_folder, "scene.txt"), "citywalk scene\n");
        File.WriteAllText(Path.Combine(_folder, Lexicon.SynonymsFile), text);
        var ex = Assert.Throws<TrendInsightException>(() => Lexicon.Load(_folder));
        Assert.Contains(where, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DomainLexicon_LoadsAndCoversEveryType()
    {
        var lexicon = Lexicon.Load(Lexicon.DefaultFolder);
        Assert.All(Enum.GetValues<LexiconType>(), t => Assert.NotEmpty(lexicon.OfType(t)));
        Assert.True(lexicon.TryGet("多巴胺穿搭", out _));
        Assert.All(lexicon.Synonyms, s => Assert.True(lexicon.TryGet(s.Key, out _) && lexicon.TryGet(s.Value, out _), s.Key + " → " + s.Value));
    }
}
