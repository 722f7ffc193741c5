using TrendInsight.Cli.Commands;
using TrendInsight.Cli.Output;
using TrendInsight.Ingest;

namespace TrendInsight.EndToEnd.Tests;

/// <summary>The plain text a table becomes in a pipe, and the partition ranges of <c>status</c>.</summary>
public sealed class PlainTableTests
{
    [Fact]
    public void Plain_ChineseAndNumbers_ColumnsLineUpInTerminalCells()
    {
        var text = TableWriter.Plain("rising topics", ["topic", "searches"], [["露营", "2,592,658"], ["citywalk", "31"]], [false, true]);

        Assert.Equal(
            "rising topics\n"
            + "topic      searches\n"
            + "--------  ---------\n"
            + "露营      2,592,658\n"
            + "citywalk         31\n"
            + "\n",
            text);
    }

    [Fact]
    public void DisplayWidth_WideAndCombiningCharacters_CountedAsTerminalsShowThem()
    {
        Assert.Equal(4, TableWriter.DisplayWidth("国风"));
        Assert.Equal(4, TableWriter.DisplayWidth("ＡＢ"));
        Assert.Equal(8, TableWriter.DisplayWidth("citywalk"));
        Assert.Equal(1, TableWriter.DisplayWidth("e\u0301"));
    }

    [Fact]
    public void PartitionRanges_GapInADay_TwoRangesWithTheirTotals()
    {
        var day = new DateOnly(2026, 11, 1);
        var partitions = new[]
        {
            new IngestStatus.Partition("search", day, 10, 1, 1),
            new IngestStatus.Partition("search", day.AddDays(1), 20, 1, 0),
            new IngestStatus.Partition("search", day.AddDays(3), 5, 2, 3),
            new IngestStatus.Partition("comments", day, 7, 1, 0),
        };

        var ranges = StatusCommand.PartitionRanges(partitions);

        Assert.Equal(
            [
                new StatusCommand.PartitionRange("comments", day, day, 1, 7, 1, 0),
                new StatusCommand.PartitionRange("search", day, day.AddDays(1), 2, 30, 2, 1),
                new StatusCommand.PartitionRange("search", day.AddDays(3), day.AddDays(3), 1, 5, 2, 3),
            ],
            ranges);
    }
}
