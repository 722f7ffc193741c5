namespace TrendInsight.Text.Tests;

public sealed class DictionaryCacheTests : IDisposable
{
    private static readonly string[] UserWords = ["多巴胺穿搭 5", "美拉德风", "松弛感 0"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ti-dictcache-" + Guid.NewGuid().ToString("N"));

    public DictionaryCacheTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_SecondLoadWithCache_ReadsCacheAndCutsAsParsedDictionary()
    {
        var options = Options();
        var parsed = JiebaSegmenter.Load(options with { CacheFolder = null });
        var first = JiebaSegmenter.Load(options);
        var second = JiebaSegmenter.Load(options);

        Assert.False(first.LoadedFromCache);
        Assert.True(second.LoadedFromCache);
        Assert.Single(CacheFiles());
        AssertSame(parsed, second);
    }

    [Fact]
    public void Load_WritingAndReadingTheCache_RemoveTemporaryFilesOfKilledProcessesOnly()
    {
        var cache = Directory.CreateDirectory(Path.Combine(_folder, "cache")).FullName;
        var abandoned = Path.Combine(cache, ".segmenter-0123456789abcdef0123456789abcdef.tmp");
        var beingWritten = Path.Combine(cache, ".segmenter-fedcba9876543210fedcba9876543210.tmp");
        File.WriteAllBytes(abandoned, [1, 2, 3]);
        File.WriteAllBytes(beingWritten, [4, 5, 6]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow - TimeSpan.FromHours(3));

        JiebaSegmenter.Load(Options());

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(beingWritten));
        Assert.Single(CacheFiles(), f => f.EndsWith(".bin", StringComparison.Ordinal));

        // A later run finds the cache and removes what has been abandoned since.
        File.SetLastWriteTimeUtc(beingWritten, DateTime.UtcNow - TimeSpan.FromHours(3));
        Assert.True(JiebaSegmenter.Load(Options()).LoadedFromCache);
        Assert.False(File.Exists(beingWritten));
    }

    [Fact]
    public void Load_DamagedCache_RebuildsIt()
    {
        var options = Options();
        var parsed = JiebaSegmenter.Load(options with { CacheFolder = null });
        JiebaSegmenter.Load(options);
        var file = Assert.Single(CacheFiles());
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(file, bytes);

        var afterDamage = JiebaSegmenter.Load(options);
        var afterRebuild = JiebaSegmenter.Load(options);

        Assert.False(afterDamage.LoadedFromCache);
        Assert.True(afterRebuild.LoadedFromCache);
        AssertSame(parsed, afterDamage);
        AssertSame(parsed, afterRebuild);
    }

    [Fact]
    public void Load_TruncatedCache_RebuildsIt()
    {
        var options = Options();
        JiebaSegmenter.Load(options);
        var file = Assert.Single(CacheFiles());
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length / 3);
        }

        var afterTruncation = JiebaSegmenter.Load(options);

        Assert.False(afterTruncation.LoadedFromCache);
        Assert.True(afterTruncation.Contains("多巴胺穿搭"));
        Assert.True(JiebaSegmenter.Load(options).LoadedFromCache);
    }

    [Fact]
    public void Load_UserDictionaryChanged_ReplacesStaleCache()
    {
        var options = Options();
        JiebaSegmenter.Load(options);
        var stale = Assert.Single(CacheFiles());
        File.AppendAllLines(options.UserDictionaries[0], ["城市漫步风"]);

        var changed = JiebaSegmenter.Load(options);

        Assert.False(changed.LoadedFromCache);
        Assert.True(changed.Contains("城市漫步风"));
        var current = Assert.Single(CacheFiles());
        Assert.NotEqual(stale, current);
        Assert.True(JiebaSegmenter.Load(options).Contains("城市漫步风"));
    }

    [Fact]
    public void Load_OtherOptions_DoNotShareCache()
    {
        var options = Options();
        JiebaSegmenter.Load(options);

        var withoutTwins = JiebaSegmenter.Load(options with { LowerCaseTwins = false });

        Assert.False(withoutTwins.LoadedFromCache);
        Assert.False(withoutTwins.Contains("aa制"));
    }

    private static void AssertSame(JiebaSegmenter expected, JiebaSegmenter actual)
    {
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.UserTags.OrderBy(t => t.Key, StringComparer.Ordinal), actual.UserTags.OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.Equal(expected.HmmSource, actual.HmmSource);
        foreach (var word in new[] { "多巴胺穿搭", "美拉德风", "松弛感", "t恤", "T恤", "马面裙", "露营" })
        {
            Assert.Equal(expected.Frequency(word), actual.Frequency(word));
        }

        var lines = File.ReadAllLines(SegmenterFixture.TestData("golden", "input.txt"))
            .Concat(["周末去露营穿了多巴胺穿搭，松弛感拉满", "美拉德风的t恤和马面裙怎么搭"]);
        foreach (var line in lines)
        {
            Assert.Equal(expected.Cut(line), actual.Cut(line));
            Assert.Equal(expected.Cut(line, SegmentMode.Search), actual.Cut(line, SegmentMode.Search));
            Assert.Equal(expected.Cut(line, hmm: false), actual.Cut(line, hmm: false));
        }
    }

    private SegmenterOptions Options()
    {
        var user = Path.Combine(_folder, "user_dict.txt");
        if (!File.Exists(user))
        {
            File.WriteAllLines(user, UserWords);
        }

        return new SegmenterOptions
        {
            Lexicon = Lexicon.Load(SegmenterFixture.TestData("golden", "lexicon")),
            UserDictionaries = [user],
            LowerCaseTwins = true,
            CacheFolder = Path.Combine(_folder, "cache"),
        };
    }

    private string[] CacheFiles() => Directory.GetFiles(Path.Combine(_folder, "cache"));
}
