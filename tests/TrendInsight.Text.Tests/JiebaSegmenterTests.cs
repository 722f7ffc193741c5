using TrendInsight.Core;
using TrendInsight.Text.Jieba;

namespace TrendInsight.Text.Tests;

public sealed class JiebaSegmenterTests : IClassFixture<SegmenterFixture>
{
    private readonly JiebaSegmenter _segmenter;

    public JiebaSegmenterTests(SegmenterFixture fixture) => _segmenter = fixture.Segmenter;

    [Fact]
    public void Cut_ManyThreads_SameAsSequential()
    {
        var lines = File.ReadAllLines(SegmenterFixture.TestData("golden", "input.txt"));
        var sequential = lines.Select(l => string.Join("\u0001", _segmenter.Cut(l, SegmentMode.Search))).ToArray();
        var parallel = new string[lines.Length];
        for (var round = 0; round < 3; round++)
        {
            Parallel.For(0, lines.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                i => parallel[i] = string.Join("\u0001", _segmenter.Cut(lines[i], SegmentMode.Search)));
            Assert.Equal(sequential, parallel);
        }
    }

    [Fact]
    public void Cut_Tokens_AreSlicesInOrderCoveringText()
    {
        const string text = "周末去露营🏕️，买了Snow Peak的钛杯 450ml\r\n好看😍";
        var tokens = new List<Token>();
        _segmenter.Cut(text, tokens);
        var position = 0;
        foreach (var t in tokens)
        {
            Assert.Equal(position, t.Start);
            position = t.End;
        }

        Assert.Equal(text.Length, position);
        Assert.Contains(tokens, t => text.Substring(t.Start, t.Length) == "\r\n");
        Assert.Contains(tokens, t => text.Substring(t.Start, t.Length) == "🏕");
    }

    [Fact]
    public void Cut_EmptyText_NoTokens() => Assert.Empty(_segmenter.Cut(string.Empty));

    [Fact]
    public void Cut_SearchMode_AddsInnerWordsBeforeWord()
    {
        var words = _segmenter.Cut("中华人民共和国", SegmentMode.Search);
        Assert.Equal(["中华", "华人", "人民", "共和", "共和国", "中华人民共和国"], words);
    }

    [Fact]
    public void Cut_UnknownRun_HmmJoinsNewWord()
    {
        Assert.Equal(["他", "来到", "了", "网易", "杭研", "大厦"], _segmenter.Cut("他来到了网易杭研大厦"));
        Assert.Equal(["他", "来到", "了", "网易", "杭", "研", "大厦"], _segmenter.Cut("他来到了网易杭研大厦", hmm: false));
    }

    [Fact]
    public void Contains_DictionaryAndPrefix_Distinguished()
    {
        Assert.True(_segmenter.Contains("露营"));
        Assert.True(_segmenter.Frequency("中华人民共和国") > 0);
        Assert.False(_segmenter.Contains("中华人民共"));
        Assert.False(_segmenter.Contains("多巴胺穿搭"));
    }

    [Fact]
    public void Load_DefaultData_JiebaDictionary()
    {
        Assert.EndsWith("dict.txt", _segmenter.DictionarySource, StringComparison.Ordinal);
        Assert.Equal(60101967L, _segmenter.Total);
    }

    [Fact]
    public void Load_JiebaNetHmmTables_SameAsPythonFinalseg()
    {
        // python3-jieba is the oracle the golden files were made with; jieba.NET's JSON tables and its
        // start probabilities in code must be the same numbers.
        var python = HmmModel.LoadPython(Path.Combine(SegmenterFixture.PythonJiebaFolder, "finalseg"));
        var jiebaNet = HmmModel.LoadJson(JiebaData.Folder);
        Assert.Equal(python.Start, jiebaNet.Start);
        Assert.Equal(python.Trans, jiebaNet.Trans);
        for (var state = 0; state < 4; state++)
        {
            Assert.Equal(python.Emit[state], jiebaNet.Emit[state]);
        }
    }

    [Fact]
    public void Load_JiebaNetDictionary_SameAsPythonDictApartFromLineEnds()
    {
        var python = File.ReadAllText(Path.Combine(SegmenterFixture.PythonJiebaFolder, "dict.txt"));
        var jiebaNet = File.ReadAllText(JiebaData.DictionaryPath);
        Assert.Contains("\r\n", jiebaNet, StringComparison.Ordinal);
        Assert.Equal(python, jiebaNet.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(JiebaData.DictionaryPath, _segmenter.DictionarySource);
    }

    [Fact]
    public void Load_HmmFolderWithoutEmissions_ErrorNamesFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"hmm-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        File.Copy(JiebaData.HmmTransitionPath, Path.Combine(folder, "prob_trans.json"));
        try
        {
            var ex = Assert.Throws<TrendInsightException>(
                () => JiebaSegmenter.Load(new SegmenterOptions { HmmModelPath = folder }));
            Assert.Contains(Path.Combine(folder, "prob_emit.json"), ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Require_MissingDataFile_ErrorSaysHowToGetIt()
    {
        var ex = Assert.Throws<TrendInsightException>(() => JiebaData.Require("dict.big.txt"));
        Assert.Contains(Path.Combine(JiebaData.Folder, "dict.big.txt"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("jieba.NET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GbkUserDictionary_ErrorSaysUtf8()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gbk-{Guid.NewGuid():N}.txt");
        // "多巴胺穿搭 style" in GBK, as an Excel export from a Chinese system would save it.
        File.WriteAllBytes(path, [0xB6, 0xE0, 0xB0, 0xCD, 0xB0, 0xB7, 0xB4, 0xA9, 0xB4, 0xEE, 0x20, 0x73, 0x74, 0x79, 0x6C, 0x65, 0x0A]);
        try
        {
            var ex = Assert.Throws<TrendInsightException>(
                () => JiebaSegmenter.Load(new SegmenterOptions { UserDictionaries = [path] }));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_LowerCaseTwins_NormalisedLatinWordsWhole()
    {
        Assert.Equal(["t", "恤", "和", "卫衣"], _segmenter.Cut("t恤和卫衣"));
        var twins = JiebaSegmenter.Load(new SegmenterOptions { LowerCaseTwins = true });
        Assert.Equal(["t恤", "和", "卫衣"], twins.Cut("t恤和卫衣"));
        Assert.Contains("aa制", twins.Cut("aa制露营"));
        Assert.Equal(twins.Frequency("T恤"), twins.Frequency("t恤"));
    }

    [Fact]
    public void Load_MissingDictionary_ActionableError()
    {
        var ex = Assert.Throws<TrendInsightException>(
            () => JiebaSegmenter.Load(new SegmenterOptions { DictionaryPath = "/nonexistent/dict.txt" }));
        Assert.Contains("/nonexistent/dict.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedDictionary_ErrorNamesLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-dict-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "国风 100 n\n复古 many n\n");
        try
        {
            var ex = Assert.Throws<TrendInsightException>(
                () => JiebaSegmenter.Load(new SegmenterOptions { DictionaryPath = path }));
            Assert.Contains($"{path}:2", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_UserDictionary_WordsCutWholeAndZeroFrequencySplits()
    {
        var path = Path.Combine(Path.GetTempPath(), $"user-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "美拉德穿搭\n杭研 0\n绝绝子 50 x\n");
        try
        {
            var segmenter = JiebaSegmenter.Load(new SegmenterOptions { UserDictionaries = [path] });
            Assert.Contains("美拉德穿搭", segmenter.Cut("秋天的美拉德穿搭"));
            Assert.Contains("绝绝子", segmenter.Cut("这件衣服绝绝子"));
            Assert.Equal(["他", "来到", "了", "网易", "杭", "研", "大厦"], segmenter.Cut("他来到了网易杭研大厦"));
            Assert.Equal("x", segmenter.UserTags["绝绝子"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
