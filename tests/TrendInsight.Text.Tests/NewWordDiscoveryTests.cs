namespace TrendInsight.Text.Tests;

public sealed class NewWordDiscoveryTests : IClassFixture<SegmenterFixture>, IDisposable
{
    private static readonly string[] Planted = ["多巴胺穿搭", "美拉德", "citywalk", "松弛感", "ins风", "绝绝子", "老钱风"];

    private readonly JiebaSegmenter _segmenter;
    private readonly string _folder = Directory.CreateTempSubdirectory("newwords-").FullName;

    public NewWordDiscoveryTests(SegmenterFixture fixture) => _segmenter = fixture.Segmenter;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Comment-like lines from ordinary dictionary words, with the planted words in varied contexts
    /// (different words before and after, at the start and end of lines). Seeded, so always the same.
    /// </summary>
    private static List<string> PlantedCorpus()
    {
        string[] before = ["今年流行", "我最近迷上了", "姐妹们快试试", "周末去", "有人喜欢", "分享一下", "终于买到", "被种草了",
            "大家觉得", "真心推荐", "第一次尝试", "朋友说我很", "老公也说", "求推荐", "公司同事都", "今天的"];
        string[] after = ["真的好看", "太火了", "怎么搭配", "必备单品", "安排上了", "很适合秋天", "拍照好看", "大家怎么看",
            "价格不贵", "已经下单", "特别显气质", "完全停不下来", "学到了", "好评", "越来越多人", "推荐给大家"];
        string[] filler = ["今天天气很好我们去公园散步", "这家店的衣服质量不错价格也便宜", "快递很快包装也很好",
            "颜色和图片一样没有色差", "客服态度很好耐心解答问题", "面料舒服透气夏天穿刚好", "尺码标准按平时买就行",
            "下次还会再来买", "朋友推荐过来的果然没让我失望", "孩子很喜欢天天都要穿"];
        var random = new Random(20261122);
        var lines = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            if (i % 3 == 0)
            {
                lines.Add(filler[random.Next(filler.Length)] + "," + filler[random.Next(filler.Length)]);
                continue;
            }

            var word = Planted[random.Next(Planted.Length)];
            lines.Add(random.Next(4) switch
            {
                0 => word + after[random.Next(after.Length)],
                1 => before[random.Next(before.Length)] + word,
                2 => before[random.Next(before.Length)] + word + "," + filler[random.Next(filler.Length)],
                _ => before[random.Next(before.Length)] + word + after[random.Next(after.Length)],
            });
        }

        return lines;
    }

    [Fact]
    public void Discover_PlantedWords_FoundAmongTopCandidates()
    {
        Assert.All(Planted, w => Assert.False(_segmenter.Contains(w), $"{w} is already a dictionary word"));
        var discovery = new NewWordDiscovery(_segmenter, new NewWordOptions { Top = 30 });
        var found = discovery.Discover(PlantedCorpus());
        var words = found.Select(c => c.Word).ToList();
        Assert.All(Planted, w => Assert.Contains(w, words));
        Assert.DoesNotContain("巴胺穿搭", words);
        Assert.DoesNotContain("多巴胺穿", words);
        var dopamine = found.Single(c => c.Word == "多巴胺穿搭");
        Assert.True(dopamine.Count > 200);
        Assert.True(dopamine.Cohesion >= 2.0);
        Assert.True(dopamine.Freedom >= 1.0);
    }

    [Fact]
    public void Discover_WrittenUserDictionary_PlantedWordsSegmentAsOneToken()
    {
        var discovery = new NewWordDiscovery(_segmenter, new NewWordOptions { Top = 30 });
        var found = discovery.Discover(PlantedCorpus());
        var path = Path.Combine(_folder, "new_words.txt");
        var added = NewWordDiscovery.AppendToUserDictionary(path, found.Where(c => Planted.Contains(c.Word)).Select(c => c.Word));
        Assert.Equal(Planted.Length, added);
        Assert.Equal(0, NewWordDiscovery.AppendToUserDictionary(path, ["美拉德"]));

        Assert.Contains("穿", _segmenter.Cut("秋天的多巴胺穿搭和美拉德色系"));
        var segmenter = JiebaSegmenter.Load(new SegmenterOptions { UserDictionaries = [path] });
        foreach (var (sentence, word) in new[]
        {
            ("秋天的多巴胺穿搭真的好看", "多巴胺穿搭"), ("美拉德色系的大衣", "美拉德"), ("周末去citywalk拍照", "citywalk"),
            ("这种松弛感是装不出来的", "松弛感"), ("ins风的房间", "ins风"), ("这条裙子绝绝子", "绝绝子"), ("老钱风穿搭", "老钱风"),
        })
        {
            Assert.Contains(word, segmenter.Cut(sentence));
        }
    }

    [Fact]
    public void Discover_Laughter_NotAWord()
    {
        var lines = Enumerable.Range(0, 200).Select(i => (i % 4) switch
        {
            0 => "哈哈哈哈笑死我了",
            1 => "这个颜色哈哈哈哈",
            2 => "好看哈哈哈哈,买了",
            _ => "客服说哈哈哈哈",
        }).ToList();
        var found = new NewWordDiscovery(_segmenter, new NewWordOptions()).Discover(lines);
        Assert.DoesNotContain(found, c => c.Word.All(ch => ch == '哈'));
    }

    [Fact]
    public void Discover_KnownWordsSideBySide_NotANewWord()
    {
        string[] before = ["今年流行", "周末去买", "求推荐", "分享一下", "终于买到", "大家觉得", "第一次买", "朋友说"];
        string[] after = ["真的好看", "怎么搭配", "必备单品", "安排上了", "价格不贵", "已经下单", "学到了", "推荐给大家"];
        var lines = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var word = i % 2 == 0 ? "羽绒服围巾" : "美拉德";
            lines.Add(before[i / 2 % before.Length] + word + after[i / 3 % after.Length]);
        }

        var found = new NewWordDiscovery(_segmenter, new NewWordOptions { Top = 30 }).Discover(lines).Select(c => c.Word).ToList();

        Assert.Contains("美拉德", found);
        Assert.DoesNotContain("羽绒服围巾", found);
    }

    [Fact]
    public void Discover_NewWordBesideAnotherOrWithWhoItIsFor_OnlyTheWordsThemselves()
    {
        string[] before = ["今年流行", "周末去买", "求推荐", "分享一下", "终于买到", "大家觉得", "第一次买", "朋友说"];
        string[] after = ["真的好看", "怎么搭配", "必备单品", "安排上了", "价格不贵", "已经下单", "学到了", "推荐给大家"];
        string[] words = ["美拉德", "老钱风", "美拉德老钱风", "老钱风女", "2026美拉德"];
        var lines = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            lines.Add(before[i % before.Length] + words[i % words.Length] + after[i / 3 % after.Length]);
        }

        var found = new NewWordDiscovery(_segmenter, new NewWordOptions { Top = 30 }).Discover(lines).Select(c => c.Word).ToList();

        Assert.Contains("美拉德", found);
        Assert.Contains("老钱风", found);
        Assert.DoesNotContain("美拉德老钱风", found);
        Assert.DoesNotContain("老钱风女", found);
        Assert.DoesNotContain("2026美拉德", found);
    }

    [Fact]
    public void Discover_TooRare_NothingReturned()
    {
        var discovery = new NewWordDiscovery(_segmenter, new NewWordOptions { MinCount = 5 });
        Assert.Empty(discovery.Discover(["美拉德真好看", "美拉德大衣", "今天的美拉德"]));
    }

    [Fact]
    public void AppendToUserDictionary_ExistingFileWithoutNewline_LinesStayApart()
    {
        var path = Path.Combine(_folder, "user.txt");
        File.WriteAllText(path, "国风 100 style");
        Assert.Equal(1, NewWordDiscovery.AppendToUserDictionary(path, ["美拉德", "国风"]));
        Assert.Equal(["国风 100 style", "美拉德"], File.ReadAllLines(path));
    }
}
