using TrendInsight.Ingest.Validation;

namespace TrendInsight.Ingest.Tests;

public sealed class TimestampParserTests
{
    [Theory]
    [InlineData("2026-11-10T12:00:00+08:00", "2026-11-10T04:00:00Z")]
    [InlineData("2026-11-10T12:00:00+0800", "2026-11-10T04:00:00Z")]
    [InlineData("2026-11-10T04:00:00Z", "2026-11-10T04:00:00Z")]
    [InlineData("2026-11-10 12:00:00", "2026-11-10T04:00:00Z")]
    [InlineData("2026/11/10 12:00", "2026-11-10T04:00:00Z")]
    [InlineData("2026-11-10", "2026-11-09T16:00:00Z")]
    [InlineData("2026-11-10T12:00:00.123456+08:00", "2026-11-10T04:00:00.123456Z")]
    [InlineData("1794297600000", "2026-11-10T08:00:00Z")]
    public void TryParse_ValidText_InstantInUtc(string text, string expected)
    {
        Assert.True(TimestampParser.TryParse(new FieldValue(FieldKind.String, text), out var instant));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("2026-11-31")]
    [InlineData("2026-11-10T25:00:00")]
    [InlineData("2026-11-10T12:00:00+19:00")]
    [InlineData("10/11/2026")]
    public void TryParse_Nonsense_False(string text)
    {
        Assert.False(TimestampParser.TryParse(new FieldValue(FieldKind.String, text), out _));
    }
}
