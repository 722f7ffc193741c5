using System.Text.Json;

namespace TrendInsight.Text.Tests;

/// <summary>User-dictionary behaviour against python jieba's <c>load_userdict</c> with the same lexicon.</summary>
public sealed class LexiconGoldenTests : IClassFixture<LexiconSegmenterFixture>
{
    private readonly LexiconSegmenterFixture _fixture;

    public LexiconGoldenTests(LexiconSegmenterFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("lexicon_precise.jsonl", SegmentMode.Precise)]
    [InlineData("lexicon_search.jsonl", SegmentMode.Search)]
    public void Cut_WithLexicon_MatchesPythonJiebaUserDict(string golden, SegmentMode mode)
    {
        var inputs = File.ReadAllLines(SegmenterFixture.TestData("golden", "input.txt"));
        var expected = File.ReadAllLines(SegmenterFixture.TestData("golden", golden));
        var differ = new List<string>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var want = JsonSerializer.Deserialize<string[]>(expected[i])!;
            var got = _fixture.Segmenter.Cut(inputs[i], mode);
            if (!want.SequenceEqual(got, StringComparer.Ordinal))
            {
                differ.Add($"line {i + 1}: jieba {string.Join("/", want)} | ours {string.Join("/", got)}");
            }
        }

        var agreement = 1.0 - ((double)differ.Count / inputs.Length);
        Assert.True(agreement >= 1.0, $"{agreement:P3}:\n" + string.Join("\n", differ.Take(10)));
    }

    [Theory]
    [InlineData("今年流行多巴胺穿搭和美拉德色系", "多巴胺穿搭")]
    [InlineData("周末去citywalk顺便拍照", "citywalk")]
    [InlineData("这种ins风的房间布置", "ins风")]
    [InlineData("新中式外套配马面裙", "新中式外套")]
    [InlineData("秋冬美拉德穿搭分享", "美拉德穿搭")]
    [InlineData("一件克莱因蓝的卫衣", "克莱因蓝")]
    [InlineData("95后宝妈的露营装备", "95后")]
    [InlineData("松弛感穿搭真的很难学", "松弛感")]
    public void Cut_LexiconPhrase_OneToken(string sentence, string word)
    {
        var words = _fixture.Segmenter.Cut(sentence);
        Assert.Contains(word, words);
    }

    [Fact]
    public void Cut_SpacedLatinPhrase_StaysApartAsInJieba()
    {
        var words = _fixture.Segmenter.Cut("city walk路线");
        Assert.Equal(["city", " ", "walk", "路线"], words);
    }

    [Fact]
    public void Load_LexiconTypes_ReadFromFiles()
    {
        var lexicon = _fixture.Lexicon;
        Assert.True(lexicon.TryGet("灯芯绒", out var material));
        Assert.Equal(LexiconType.Material, material.Type);
        Assert.True(lexicon.TryGet("citywalk", out var scene));
        Assert.Equal(LexiconType.Scene, scene.Type);
        Assert.Equal("colour", lexicon.OfType(LexiconType.Colour).First().TypeName);
        // The snapshot was taken before the chatter type existed; LexiconTests covers every type of the live lexicon.
        Assert.All(Enum.GetValues<LexiconType>().Where(t => t != LexiconType.Chatter), t => Assert.NotEmpty(lexicon.OfType(t)));
        Assert.Equal("scene", _fixture.Segmenter.UserTags["露营"]);
    }
}
