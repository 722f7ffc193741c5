using System.Text.Json;
using Xunit.Abstractions;

namespace TrendInsight.Text.Tests;

/// <summary>Agreement with python jieba 0.42.1 on the committed golden files (see TestData/golden/README.md).</summary>
public sealed class GoldenSegmentationTests : IClassFixture<SegmenterFixture>
{
    private const double Required = 1.0;
    private readonly JiebaSegmenter _segmenter;
    private readonly ITestOutputHelper _output;

    public GoldenSegmentationTests(SegmenterFixture fixture, ITestOutputHelper output)
    {
        _segmenter = fixture.Segmenter;
        _output = output;
    }

    [Theory]
    [InlineData("precise.jsonl", SegmentMode.Precise, true)]
    [InlineData("search.jsonl", SegmentMode.Search, true)]
    [InlineData("nohmm.jsonl", SegmentMode.Precise, false)]
    public void Cut_GoldenSentences_MatchPythonJieba(string golden, SegmentMode mode, bool hmm)
    {
        var inputs = File.ReadAllLines(SegmenterFixture.TestData("golden", "input.txt"));
        var expected = File.ReadAllLines(SegmenterFixture.TestData("golden", golden));
        Assert.Equal(inputs.Length, expected.Length);
        Assert.True(inputs.Length >= 3000, $"only {inputs.Length} golden lines");

        var mismatches = new List<string>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var want = JsonSerializer.Deserialize<string[]>(expected[i])!;
            var got = _segmenter.Cut(inputs[i], mode, hmm);
            if (!want.SequenceEqual(got, StringComparer.Ordinal))
            {
                mismatches.Add($"line {i + 1}: {inputs[i]}\n  jieba: {string.Join(" / ", want)}\n  ours:  {string.Join(" / ", got)}");
            }
        }

        var agreement = 1.0 - ((double)mismatches.Count / inputs.Length);
        _output.WriteLine($"{golden}: {inputs.Length - mismatches.Count}/{inputs.Length} identical ({agreement:P3})");
        Assert.True(agreement >= Required,
            $"{golden}: {agreement:P3} identical, {mismatches.Count} differ:\n" + string.Join("\n", mismatches.Take(10)));
    }
}
