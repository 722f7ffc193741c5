namespace TrendInsight.Text.Tests;

/// <summary>
/// A run of ASCII letters and digits is never cut inside by a dictionary word: not by jieba's own
/// words, their lower-case twins (d版 of D版), the lexicon or a user dictionary, in any mode.
/// </summary>
public sealed class LatinRunTests : IClassFixture<LexiconSegmenterFixture>, IDisposable
{
    private static readonly string[] Sentences =
    [
        "少数软件有hd版本",
        "少数软件有HD版本",
        "1995后出生的宝妈",
        "iphone15手机壳推荐",
        "买了件xt恤和aa制的饭局",
        "我的4s店保养记录",
        "ip15promax的s码壳子",
        "这件t恤是xl码还是xxl码",
        "2024年秋冬流行色",
        "kpop风的卡拉okk包间",
        "新款ins风t恤和citywalk穿搭",
    ];

    private readonly string _userDictionary;
    private readonly JiebaSegmenter _segmenter;

    public LatinRunTests(LexiconSegmenterFixture fixture)
    {
        // words that end or start with a Latin letter or digit and so could cut a longer run apart
        _userDictionary = Path.Combine(Path.GetTempPath(), $"latin-user-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(_userDictionary, ["s码 200 n", "15手机 500 n", "95后 800 crowd", "ok包间 300 n", "5后", "xl码", "p15"]);
        _segmenter = JiebaSegmenter.Load(new SegmenterOptions
        {
            Lexicon = fixture.Lexicon,
            LowerCaseTwins = true,
            UserDictionaries = [_userDictionary],
        });
    }

    public void Dispose() => File.Delete(_userDictionary);

    [Theory]
    [InlineData(SegmentMode.Precise, true, "少数 软件 有 hd 版本")]
    [InlineData(SegmentMode.Precise, false, "少数 软件 有 hd 版本")]
    [InlineData(SegmentMode.Search, true, "少数 软件 有 hd 版本")]
    public void Cut_LatinRunBeforeTwinWord_RunStaysWhole(SegmentMode mode, bool hmm, string expected)
    {
        // the lower-case twin d版 of jieba's D版 used to give "少数 软件 有 h d版 本"
        Assert.Equal(expected, string.Join(' ', _segmenter.Cut("少数软件有hd版本", mode, hmm)));
    }

    [Fact]
    public void Cut_DigitRunBeforeUserWord_RunStaysWhole()
    {
        Assert.Equal(["1995", "后", "出生", "的", "宝妈"], _segmenter.Cut("1995后出生的宝妈"));
        Assert.Contains("95后", _segmenter.Cut("95后宝妈"));
        Assert.Contains("s码", _segmenter.Cut("买s码还是m码"));
    }

    [Theory]
    [InlineData(SegmentMode.Precise, true)]
    [InlineData(SegmentMode.Precise, false)]
    [InlineData(SegmentMode.Search, true)]
    [InlineData(SegmentMode.Search, false)]
    public void Cut_AnyMode_NoTokenBoundaryInsideLatinRun(SegmentMode mode, bool hmm)
    {
        foreach (var sentence in Sentences)
        {
            var tokens = new List<Token>();
            _segmenter.Cut(sentence, tokens, mode, hmm);
            foreach (var t in tokens)
            {
                Assert.False(
                    CutsInside(sentence, t.Start) || CutsInside(sentence, t.End),
                    $"{mode} hmm={hmm}: '{sentence.Substring(t.Start, t.Length)}' cuts a Latin run in '{sentence}'");
            }
        }
    }

    [Fact]
    public void Cut_JiebaOnlyData_PythonJiebaLine()
    {
        var jiebaOnly = JiebaSegmenter.Load();
        Assert.Equal(["少数", "软件", "有", "hd", "版本"], jiebaOnly.Cut("少数软件有hd版本"));
    }

    private static bool CutsInside(string text, int boundary) =>
        boundary > 0 && boundary < text.Length && IsAsciiAlnum(text[boundary - 1]) && IsAsciiAlnum(text[boundary]);

    private static bool IsAsciiAlnum(char c) => char.IsAsciiLetterOrDigit(c);
}
