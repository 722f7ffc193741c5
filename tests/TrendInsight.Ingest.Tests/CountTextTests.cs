using System.Text;
using TrendInsight.Ingest.Validation;

namespace TrendInsight.Ingest.Tests;

public sealed class CountTextTests
{
    [Theory]
    [InlineData("1,234", 1234)]
    [InlineData("12,345,678", 12345678)]
    [InlineData("1.2万", 12000)]
    [InlineData("3.5w", 35000)]
    [InlineData("3.5W", 35000)]
    [InlineData("10万+", 100000)]
    [InlineData("999+", 999)]
    [InlineData("2亿", 200000000)]
    [InlineData("1.5k", 1500)]
    [InlineData("3千", 3000)]
    [InlineData("1.23456万", 12346)]
    public void TryParse_ExportSpelling_WholeCount(string text, long expected)
    {
        Assert.True(CountText.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,2")]
    [InlineData("1,23")]
    [InlineData("很多")]
    [InlineData("万")]
    [InlineData("-3万")]
    [InlineData("")]
    public void TryParse_NotACount_False(string text) => Assert.False(CountText.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
