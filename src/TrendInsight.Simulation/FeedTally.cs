namespace TrendInsight.Simulation;

/// <summary>Running counts of what was written to one feed: the ground truth's per-feed figures.</summary>
internal sealed class FeedTally
{
    public FeedTally(string feed)
    {
        Feed = feed;
    }

    public string Feed { get; }

    public int Files { get; set; }

    public long Rows { get; set; }

    public long GoodRows { get; set; }

    public SortedDictionary<string, long> BadRows { get; } = new(StringComparer.Ordinal);

    public long DuplicatesWithinFile { get; set; }

    public long DuplicatesAcrossFiles { get; set; }

    public long TraditionalRows { get; set; }

    public long FullWidthRows { get; set; }

    public long HtmlRows { get; set; }

    public long SnapshotRows { get; set; }

    public SortedDictionary<string, int> Formats { get; } = new(StringComparer.Ordinal);

    public long BadTotal => BadRows.Values.Sum();

    public long Duplicates => DuplicatesWithinFile + DuplicatesAcrossFiles;

    public void AddBad(string reason) => BadRows[reason] = BadRows.GetValueOrDefault(reason) + 1;

    public FeedCounts ToCounts() => new(Feed, Files, Rows, GoodRows, BadTotal, Duplicates);
}
