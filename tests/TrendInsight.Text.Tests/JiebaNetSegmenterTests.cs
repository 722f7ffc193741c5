using System.Text.Json;

namespace TrendInsight.Text.Tests;

/// <summary>jieba.NET's own segmenter, loaded explicitly from the package's data (no words added: its dictionary is process-wide).</summary>
public sealed class JiebaNetSegmenterTests
{
    private static readonly Lazy<JiebaNetSegmenter> Reference = new(() => JiebaNetSegmenter.Load());

    [Fact]
    public void Load_PackageData_FolderBesideAssemblies()
    {
        Assert.Equal(JiebaData.Folder, Reference.Value.Folder);
        Assert.True(File.Exists(Path.Combine(Reference.Value.Folder, "dict.txt")));
    }

    [Fact]
    public void Cut_KnownSentences_SameAsPythonJieba()
    {
        Assert.Equal(["他", "来到", "了", "网易", "杭研", "大厦"], Reference.Value.Cut("他来到了网易杭研大厦"));
        Assert.Equal(["中华", "华人", "人民", "共和", "共和国", "中华人民共和国"], Reference.Value.Cut("中华人民共和国", SegmentMode.Search));
    }

    [Fact]
    public void Cut_GoldenSentences_MostLinesSameAsPythonJieba()
    {
        // jieba.NET is a port that differs from python jieba: it cuts characters outside the BMP (emoji)
        // into UTF-16 halves, so those lines are left out here, and it breaks some ties differently
        // (哈哈哈哈哈). Ours agrees on every line (GoldenSegmentationTests).
        var all = File.ReadAllLines(SegmenterFixture.TestData("golden", "input.txt"));
        var expected = File.ReadAllLines(SegmenterFixture.TestData("golden", "precise.jsonl"));
        var inputs = all.Select((line, i) => (Line: line, Golden: expected[i])).Where(c => !c.Line.Any(char.IsSurrogate)).ToList();
        var differ = inputs
            .Select(c => (c.Line, Want: JsonSerializer.Deserialize<string[]>(c.Golden)!, Got: Reference.Value.Cut(c.Line).ToArray()))
            .Where(c => !c.Want.SequenceEqual(c.Got, StringComparer.Ordinal))
            .Select(c => $"{c.Line}\n  jieba: {string.Join('/', c.Want)}\n  jieba.NET: {string.Join('/', c.Got)}")
            .ToList();
        Assert.True(differ.Count <= inputs.Count * 0.01, $"{inputs.Count - differ.Count}/{inputs.Count} lines same as python jieba:\n" + string.Join("\n", differ.Take(12)));
    }
}
