namespace TrendInsight.Text.Tests;

public sealed class TextNormalizerTests : IClassFixture<NormalizerFixture>
{
    private readonly TextNormalizer _normalizer;

    public TextNormalizerTests(NormalizerFixture fixture) => _normalizer = fixture.Normalizer;

    [Theory]
    [InlineData("國風", "国风")]
    [InlineData("露營", "露营")]
    [InlineData("頭髮", "头发")]
    [InlineData("這件馬面裙的顏色真好看", "这件马面裙的颜色真好看")]
    [InlineData("復古燈芯絨外套", "复古灯芯绒外套")]
    [InlineData("乾隆年間的瓷器", "乾隆年间的瓷器")]
    [InlineData("我的頭髮乾了", "我的头发干了")]
    public void Normalize_Traditional_Simplified(string input, string expected) =>
        Assert.Equal(expected, _normalizer.Normalize(input));

    [Theory]
    [InlineData("ＣｉｔｙＷａｌｋ　１２３", "citywalk 123")]
    [InlineData("INS風 穿搭", "ins风 穿搭")]
    [InlineData("  多巴胺\t\t穿搭 \r\n 好看  ", "多巴胺 穿搭 好看")]
    [InlineData("露\u200B营\u200D灯\uFEFF", "露营灯")]
    [InlineData("国风\u0007马面裙\u0000", "国风马面裙")]
    [InlineData("好看😍😍！！", "好看😍😍!!")]
    [InlineData("<b>超讚</b>", "<b>超赞</b>")]
    public void Normalize_WidthCaseAndInvisibleCharacters_Folded(string input, string expected) =>
        Assert.Equal(expected, _normalizer.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\u200B ")]
    public void Normalize_NullOrBlank_Empty(string? input) =>
        Assert.Equal(string.Empty, _normalizer.Normalize(input));

    [Fact]
    public void Normalize_AlreadySimplified_ReturnsSameInstance()
    {
        const string text = "周末去露营,天幕和露营灯都买齐了 ins风yyds";
        Assert.Same(text, _normalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_LoneSurrogate_Replaced()
    {
        var text = "露營\uD83D";
        Assert.Equal("露营\uFFFD", _normalizer.Normalize(text));
    }

    [Fact]
    public void IsTraditional_KnownCharacters_Classified()
    {
        Assert.True(_normalizer.IsTraditional('國'));
        Assert.True(_normalizer.IsTraditional('營'));
        Assert.False(_normalizer.IsTraditional('国'));
        Assert.False(_normalizer.IsTraditional('a'));
        Assert.InRange(_normalizer.ChangingCharacterCount, 2000, 10000);
    }

    [Fact]
    public void Normalize_ManyThreads_SameAsSequential()
    {
        var lines = Enumerable.Range(0, 4000)
            .Select(i => (i % 3) switch
            {
                0 => $"第{i}條評論：這頂帳篷的顏色很復古，頭髮都被風吹亂了",
                1 => $"评论{i}：多巴胺穿搭真的很显白",
                _ => $"ＵＳＥＲ{i} 說：國潮馬面裙太美了！",
            })
            .ToArray();
        var sequential = lines.Select(_normalizer.Normalize).ToArray();
        var parallel = new string[lines.Length];
        Parallel.For(0, lines.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i] = _normalizer.Normalize(lines[i]));
        Assert.Equal(sequential, parallel);
        Assert.Equal("第0条评论:这顶帐篷的颜色很复古,头发都被风吹乱了", sequential[0]);
    }

    [Fact]
    public void Normalize_FastNfkcPath_SameAsIcuPath()
    {
        // "é" is outside the characters normalised without ICU, so appending it forces the ICU path.
        var lines = File.ReadAllLines(SegmenterFixture.TestData("golden", "input.txt"))
            .Concat(File.ReadAllLines(SegmenterFixture.TestData("golden", "handwritten.txt")))
            .Append("ＵＮＩＱＬＯ×ＫＡＷＳ联名Ｔ恤　开抢了！【ＳＡＬＥ】５折起")
            .Append("「新品」——“国风”·《指南》、。〈〉")
            .Append("第一次露营🏕️ 天幕和露营椅 #42")
            .Append("这套国风汉服太好看了😍 求链接")
            .Append("这套国风汉服太好看了😍 求链接！ＡＢ😍🏕")
            .Append("露营 ◌́ a\u0301 ℃ 🄰 𝐀 ｡ x  y")
            .Append(" 多巴胺穿搭 一周不重样");
        foreach (var line in lines)
        {
            Assert.Equal(_normalizer.Normalize(line) + "é", _normalizer.Normalize(line + "é"));
        }
    }

    [Fact]
    public void ConvertTraditional_RunByRun_SameAsWholeText()
    {
        var lines = File.ReadAllLines(SegmenterFixture.TestData("golden", "input.txt"))
            .Concat(File.ReadAllLines(SegmenterFixture.TestData("golden", "handwritten.txt")))
            .Append("國風真的回來了，燈芯絨配馬面裙 #42")
            .Append("乾燥的頭髮 乾隆 著名 開搶了!【SALE】 5折起 ＵＮＩＱＬＯ×ＫＡＷＳ聯名Ｔ恤")
            .Append("𠮷野家 發財 🏕️ 髮型,於是 後來 «雲» 台灣 臺灣 鍾錶 一隻 隻身");
        foreach (var line in lines)
        {
            var whole = _normalizer.ConvertWhole(line);
            Assert.Equal(whole, _normalizer.ConvertTraditional(line));
            Assert.Equal(whole, _normalizer.ConvertTraditional(line));
        }
    }

    [Fact]
    public void Normalize_PlainEmoji_NfkcStableAndUnchanged()
    {
        for (var p = 0x1F300; p <= 0x1FAFF; p++)
        {
            Assert.True(TextNormalizer.IsPlainEmoji(p));
            var text = "a" + char.ConvertFromUtf32(p) + "\uFE0F" + char.ConvertFromUtf32(p) + "露营";
            Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormKC), p.ToString("X", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Same(text, _normalizer.Normalize(text));
        }

        Assert.False(TextNormalizer.IsPlainEmoji(0x1F130));
    }

    [Fact]
    public void Create_MissingConfig_ActionableError()
    {
        var ex = Assert.Throws<TrendInsight.Core.TrendInsightException>(
            () => TextNormalizer.Create("/nonexistent/t2s.json"));
        Assert.Contains("libopencc1.1", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }
}
