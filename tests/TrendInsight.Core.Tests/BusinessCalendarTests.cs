namespace TrendInsight.Core.Tests;

public sealed class BusinessCalendarTests
{
    [Theory]
    [InlineData("2026-11-21T15:59:59Z", "2026-11-21")]
    [InlineData("2026-11-21T16:00:00Z", "2026-11-22")]
    [InlineData("2026-11-22T00:30:00+08:00", "2026-11-22")]
    [InlineData("2026-11-11T23:59:59+08:00", "2026-11-11")]
    // Shanghai kept daylight saving time (UTC+9) in the summers of 1986-1991.
    [InlineData("1988-07-01T15:30:00Z", "1988-07-02")]
    [InlineData("1988-12-01T15:30:00Z", "1988-12-01")]
    [InlineData("9999-12-31T15:59:59Z", "9999-12-31")]
    public void DateOf_Instant_IsTheShanghaiDate(string instant, string expected)
    {
        var date = BusinessCalendar.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Fact]
    public void FromLocal_WallClock_IsUtcPlusEight()
    {
        var instant = BusinessCalendar.FromLocal(new DateTime(2026, 11, 11, 0, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(TimeSpan.FromHours(8), instant.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 16, 0, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void Partition_Date_IsHiveFolderName()
    {
        Assert.Equal("dt=2026-01-05", BusinessCalendar.Partition(new DateOnly(2026, 1, 5)));
    }

    [Theory]
    [InlineData("dt=2026-01-05", true)]
    [InlineData("dt=2026-02-30", false)]
    [InlineData("dt=20260105", false)]
    [InlineData("2026-01-05", false)]
    [InlineData(".dt=2026-01-05.tmp", false)]
    public void TryParsePartition_FolderName_ReadsOnlyHiveDates(string name, bool valid)
    {
        Assert.Equal(valid, BusinessCalendar.TryParsePartition(name, out var day));
        Assert.Equal(valid ? new DateOnly(2026, 1, 5) : default, day);
    }

    [Fact]
    public void PartitionDays_Folder_ListsTheDatesOfItsPartitionFoldersOnly()
    {
        var root = Path.Combine(Path.GetTempPath(), "ti-days-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Empty(BusinessCalendar.PartitionDays(root));
            foreach (var name in new[] { "dt=2026-11-20", "dt=2026-11-21", "dt=oops", "other" })
            {
                Directory.CreateDirectory(Path.Combine(root, name));
            }

            Assert.Equal([new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21)], BusinessCalendar.PartitionDays(root).Order());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Layout_DataFolder_PutsEveryOutputInItsPlace()
    {
        var layout = new DataLayout("/srv/ti");

        Assert.Equal("/srv/ti/lake/raw/comments/dt=2026-11-21", layout.RawPartition(Feeds.Comments, new DateOnly(2026, 11, 21)));
        Assert.Equal("/srv/ti/quarantine/search/dt=2026-11-21", layout.QuarantinePartition(Feeds.Search, new DateOnly(2026, 11, 21)));
        Assert.Equal("/srv/ti/reports/2026-11-21", layout.ReportFolder(new DateOnly(2026, 11, 21)));
        Assert.Equal("/srv/ti/warehouse.duckdb", layout.Warehouse);
    }
}
