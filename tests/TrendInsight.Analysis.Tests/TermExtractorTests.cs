using TrendInsight.Core.Config;

namespace TrendInsight.Analysis.Tests;

public sealed class TermExtractorTests : IClassFixture<TermExtractorTests.Loaded>
{
    private readonly TermExtractor _extractor;

    public TermExtractorTests(Loaded loaded)
    {
        _extractor = loaded.Extractor;
    }

    /// <summary>jieba with the test lexicon, loaded once for the class.</summary>
    public sealed class Loaded
    {
        internal TermExtractor Extractor { get; } =
            TextResources.LoadExtractor(new TextConfig(), Path.Combine(AppContext.BaseDirectory, "TestData", "lexicon"));
    }

    private HashSet<string> Terms(string text, bool search = false)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        _extractor.Extract(text, search, set);
        return set;
    }

    [Fact]
    public void Extract_CommentWithEmojiAndPunctuation_KeepsOnlyWords()
    {
        var terms = Terms("周末去露营，帐篷超好用！🏕️");
        Assert.Contains("露营", terms);
        Assert.Contains("帐篷", terms);
        Assert.DoesNotContain(terms, t => t.Contains('！', StringComparison.Ordinal) || t.Contains('，', StringComparison.Ordinal));
        Assert.DoesNotContain(terms, t => t.Length == 1);
        Assert.DoesNotContain(terms, t => t.Contains("🏕", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_LexiconPhrase_CountsAsOneTerm()
    {
        var terms = Terms("今年夏天流行多巴胺穿搭");
        Assert.Contains("多巴胺穿搭", terms);
        Assert.DoesNotContain("多巴胺", terms);
        Assert.Equal("style", _extractor.TypeOf("多巴胺穿搭"));
    }

    [Fact]
    public void Extract_HtmlInComment_TagsAreNotTerms()
    {
        var terms = Terms("这个天幕太好看了<br>求链接 <b>复古</b>风");
        Assert.Contains("天幕", terms);
        Assert.Contains("复古", terms);
        Assert.DoesNotContain("br", terms);
        Assert.DoesNotContain("b", terms);
    }

    [Fact]
    public void Extract_RepeatedWord_CountsOncePerDocument()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        _extractor.Extract("露营露营露营，还是露营", false, set);
        Assert.Single(set, "露营");
    }

    [Fact]
    public void Extract_StopWordsAndDigits_AreDropped()
    {
        var terms = Terms("我们的 2024 帐篷");
        Assert.DoesNotContain("我们", terms);
        Assert.DoesNotContain("2024", terms);
        Assert.Contains("帐篷", terms);
    }

    [Fact]
    public void Extract_SearchMode_AddsInnerWords()
    {
        var precise = Terms("露营帐篷推荐", search: false);
        var search = Terms("露营帐篷推荐", search: true);
        Assert.Superset(precise, search);
    }

    [Theory]
    [InlineData("美拉德 外套", "拉德")]
    [InlineData("打工人 通勤 穿搭", "工人")]
    [InlineData("焦糖色 灯芯绒 外套", "糖色")]
    [InlineData("焦糖色 灯芯绒 外套", "灯芯")]
    [InlineData("多巴胺穿搭 夏季", "多巴")]
    public void Extract_SearchQuery_DictionarySubWordsAreNotCounted(string query, string subWord)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Pipeline.Extractor.Extract(query, searchMode: true, set);
        Assert.DoesNotContain(subWord, set);
        Assert.NotEmpty(set);
    }

    [Fact]
    public void Extract_SearchQuery_LexiconSubWordOfAPhraseIsCounted()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Pipeline.Extractor.Extract("美拉德穿搭 秋冬", searchMode: true, set);
        Assert.Contains("美拉德穿搭", set);
        Assert.Contains("美拉德", set);
        Assert.DoesNotContain("拉德", set);
    }

    [Fact]
    public void Extract_SearchQuery_DiscoveredSubWordIsCounted()
    {
        var dictionary = Path.Combine(Path.GetTempPath(), "trendinsight-words-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(dictionary, "拉德 5 nw\n");
        try
        {
            var discovered = TextResources.DiscoveredWords([dictionary]);
            var extractor = new TermExtractor(new FixedCutter(), _extractor.StopWords, new Dictionary<string, string>(), discovered);
            var set = new HashSet<string>(StringComparer.Ordinal);
            extractor.Extract("美拉德", searchMode: true, set);
            Assert.Equal(["拉德", "美拉德"], set.Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(dictionary);
        }
    }

    /// <summary>jieba with the project's lexicon (pipelines/lexicon), loaded once.</summary>
    private static class Pipeline
    {
        internal static TermExtractor Extractor { get; } =
            TextResources.LoadExtractor(new TextConfig(), TextResources.DefaultLexiconFolder);
    }

    /// <summary>Cuts 美拉德 as jieba does: whole in precise mode, with its sub-word in search mode.</summary>
    private sealed class FixedCutter : IWordCutter
    {
        public IEnumerable<string> Cut(string text, bool searchMode) => searchMode ? ["拉德", text] : [text];
    }

    [Theory]
    [InlineData("灯芯绒求同款💄", "灯芯绒", "求同")]
    [InlineData("城市漫步好会拍太贵了吧", "citywalk", "好会")]
    [InlineData("这条盘扣求链接", "盘扣", "扣求")]
    [InlineData("马面裙日常穿会不会太夸张", "马面裙", "穿会")]
    [InlineData("真的假的 焦糖色灯芯绒外套 太爱了", "焦糖色", "太爱")]
    public void Extract_CommentChatter_NeitherCountedNorLeavesFragments(string comment, string term, string fragment)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Pipeline.Extractor.Extract(comment, searchMode: false, set);

        Assert.Contains(term, set);
        Assert.DoesNotContain(fragment, set);
        Assert.DoesNotContain(set, t => Pipeline.Extractor.TypeOf(t) is null && t.StartsWith('求'));
        Assert.DoesNotContain("求同款", set);
        Assert.DoesNotContain("太爱了", set);
    }

    [Theory]
    [InlineData("周末城市漫步路线分享", false)]
    [InlineData("城市漫步 穿搭", true)]
    public void Extract_Synonym_CountedAsItsCanonicalTerm(string text, bool search)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Pipeline.Extractor.Extract(text, search, set);

        Assert.Contains("citywalk", set);
        Assert.DoesNotContain("城市漫步", set);
    }

    [Fact]
    public void Extract_CapitalisedJiebaWord_MatchesNormalisedText()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        Pipeline.Extractor.Extract("纯棉t恤 宽松 白色", searchMode: true, set);
        Assert.Contains("t恤", set);
    }

    [Fact]
    public void LoadExtractor_UserDictionary_DiscoveredWordIsOneTerm()
    {
        var dictionary = Path.Combine(Path.GetTempPath(), "trendinsight-words-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(dictionary, "芋泥紫 12 nw\n");
        try
        {
            var before = new HashSet<string>(StringComparer.Ordinal);
            Pipeline.Extractor.Extract("芋泥紫 毛衣", searchMode: true, before);
            Assert.DoesNotContain("芋泥紫", before);

            var config = new TextConfig { UserDictionaries = [dictionary] };
            var extractor = TextResources.LoadExtractor(config, TextResources.DefaultLexiconFolder);
            var set = new HashSet<string>(StringComparer.Ordinal);
            extractor.Extract("芋泥紫 毛衣", searchMode: true, set);
            Assert.Contains("芋泥紫", set);
            Assert.True(extractor.IsKnownTerm("芋泥紫"));
        }
        finally
        {
            File.Delete(dictionary);
        }
    }
}
