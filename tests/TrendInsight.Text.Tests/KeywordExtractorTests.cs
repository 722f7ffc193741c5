using System.Text.Json;

namespace TrendInsight.Text.Tests;

public sealed class KeywordExtractorTests : IClassFixture<SegmenterFixture>
{
    private readonly JiebaSegmenter _segmenter;
    private readonly KeywordExtractor _extractor;

    public KeywordExtractorTests(SegmenterFixture fixture)
    {
        _segmenter = fixture.Segmenter;
        _extractor = KeywordExtractor.Load(_segmenter, StopWords.Load());
    }

    [Fact]
    public void Extract_GoldenDocuments_MatchJiebaAnalyse()
    {
        var lines = File.ReadAllLines(SegmenterFixture.TestData("golden", "input.txt"));
        var golden = File.ReadAllLines(SegmenterFixture.TestData("golden", "keywords.jsonl"));
        var same = 0;
        var differ = new List<string>();
        for (var d = 0; d < golden.Length; d++)
        {
            var doc = string.Join("\n", lines.Skip(d * 20).Take(20));
            // Punctuation runs such as "..." that jieba ranks are never keywords here: compare the rest.
            var want = JsonSerializer.Deserialize<JsonElement[][]>(golden[d])!
                .Where(p => p[0].GetString()!.Any(char.IsLetterOrDigit)).ToArray();
            var got = _extractor.Extract(doc, 10).Take(want.Length).ToList();
            var wantWords = want.Select(p => p[0].GetString()!).ToArray();
            if (wantWords.SequenceEqual(got.Select(k => k.Word), StringComparer.Ordinal)
                && want.Zip(got).All(p => Math.Abs(p.First[1].GetDouble() - p.Second.Weight) < 1e-8))
            {
                same++;
            }
            else
            {
                differ.Add($"doc {d}: jieba {string.Join(",", wantWords)} | ours {string.Join(",", got.Select(k => k.Word))}");
            }
        }

        Assert.True(same >= golden.Length * 0.99, $"{same}/{golden.Length} same:\n" + string.Join("\n", differ.Take(5)));
    }

    [Fact]
    public void Extract_StopWordsPunctuationEmoji_NeverKeywords()
    {
        var keywords = _extractor.Extract("我们的露营帐篷真的很好！！！😍😍 露营 露营 的的的 …… the tent", 20);
        Assert.Equal("露营", keywords[0].Word);
        Assert.DoesNotContain(keywords, k => k.Word is "我们" or "的" or "😍" or "the" or "……");
    }

    [Fact]
    public void FromCorpus_RareWordOutweighsCommonWord()
    {
        var corpus = Enumerable.Range(0, 50).Select(i => i % 10 == 0 ? "露营帐篷天幕推荐" : "穿搭推荐好看").ToList();
        var extractor = KeywordExtractor.FromCorpus(_segmenter, StopWords.Load(), corpus);
        Assert.True(extractor.Idf("天幕") > extractor.Idf("推荐"));
        var top = extractor.Extract("天幕推荐天幕推荐", 2);
        Assert.Equal("天幕", top[0].Word);
        Assert.Equal(Math.Log(51.0 / 6.0) + 1, extractor.Idf("天幕"), 12);
    }

    [Fact]
    public void Load_DefaultFiles_JiebaNetIdfAndStopWords()
    {
        Assert.Equal(JiebaData.IdfPath, KeywordExtractor.DefaultIdfPath);
        Assert.True(_extractor.IdfCount > 250_000);
        var stop = StopWords.Load();
        // stopwords.txt starts with a byte-order mark; its first word is "i", not "\uFEFFi"
        Assert.True(stop.Contains("i"));
        Assert.True(stop.Contains("一个"));
        Assert.True(stop.Contains("，"));
    }

    [Fact]
    public void StopWords_ExtraAndCase_Applied()
    {
        var stop = StopWords.Load(extra: ["亲", "YYDS"]);
        Assert.True(stop.Contains("yyds"));
        Assert.True(stop.Contains("The"));
        Assert.True(stop.Contains("亲"));
        Assert.False(stop.Contains("露营"));
        Assert.False(stop.IsTermCandidate("……"));
        Assert.True(stop.IsTermCandidate("ins风"));
    }
}
