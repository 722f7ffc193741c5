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
        Assert.True(TimestampParser.TryParse(FieldKind.String, text, out var instant));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("2026-11-31")]
    [InlineData("2026-11-10T25:00:00")]
    [InlineData("2026-11-10T12:00:00+19:00")]
    [InlineData("10/11/2026")]
    [InlineData("2026-02-29T12:00:00Z")]
    [InlineData("2026-11-10T12:00:00+08:60")]
    [InlineData("2026-11-10T12:00:00Q")]
    [InlineData("2026-11-10X12:00:00")]
    [InlineData("2026-11-10T12:0a:00")]
    public void TryParse_Nonsense_False(string text)
    {
        Assert.False(TimestampParser.TryParse(FieldKind.String, text, out _));
    }

    [Fact]
    public void TryParse_CommonForm_SameAsGeneralForm()
    {
        // A fraction of zero sends the same instant through the general (regular expression) path.
        var start = new DateTime(2024, 2, 27, 0, 0, 0, DateTimeKind.Unspecified);
        string[] zones = ["", "Z", "z", "+08:00", "-05:30", "+00:00", "-00:00", "+14:00"];
        for (var i = 0; i < 2000; i++)
        {
            var local = start.AddSeconds(i * 7919L);
            foreach (var zone in zones)
            {
                var separator = i % 2 == 0 ? "T" : " ";
                var common = local.ToString($"yyyy-MM-dd'{separator}'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + zone;
                var general = local.ToString($"yyyy-MM-dd'{separator}'HH:mm:ss'.0'", System.Globalization.CultureInfo.InvariantCulture) + zone;
                Assert.True(TimestampParser.TryParse(FieldKind.String, common, out var fast), common);
                Assert.True(TimestampParser.TryParse(FieldKind.String, general, out var slow), general);
                Assert.Equal(slow, fast);
                Assert.Equal(slow.Offset, fast.Offset);
            }
        }
    }

    [Theory]
    [InlineData("２０２６-11-10T12:00:00+08:00")]
    [InlineData("2026-11-10T12:00:00+0٨:00")]
    [InlineData("２０２６－１１－１０　１２：００：００")]
    [InlineData("۲۰۲۶-۱۱-۱۰T۱۲:۰۰:۰۰+۰۸:۰۰")]
    public void TryParse_NonAsciiDigits_FoldedToTheSameInstant(string text)
    {
        Assert.True(TimestampParser.TryParse(FieldKind.String, System.Text.Encoding.UTF8.GetBytes(text), out var instant));
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 4, 0, 0, TimeSpan.Zero), instant);
    }

    [Theory]
    [InlineData("0000-01-01")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+08:00")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("9999-12-31T23:59:59-05:00")]
    [InlineData("2026-11-10T12:00:00+14:59")]
    [InlineData("2026-11-10T12:00:00.5+1459")]
    [InlineData("٩٩٩٩-١٢-٣١T٢٣:٥٩:٥٩-٠٥:٠٠")]
    public void TryParse_OutsideTheCalendar_FalseNeverThrows(string text)
    {
        Assert.False(TimestampParser.TryParse(FieldKind.String, System.Text.Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("1794297600", "2026-11-10T08:00:00Z")]
    [InlineData("1794297600000", "2026-11-10T08:00:00Z")]
    public void TryParse_EpochSecondsOrMilliseconds_SameInstant(string text, string expected)
    {
        Assert.True(TimestampParser.TryParse(FieldKind.String, text, out var instant));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void TryParse_LocalTimeInAnotherZone_ReadInThatZone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        Assert.True(TimestampParser.TryParse(FieldKind.String, "2026-11-10 12:00:00"u8, berlin, out var instant));
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 11, 0, 0, TimeSpan.Zero), instant);
    }
}
