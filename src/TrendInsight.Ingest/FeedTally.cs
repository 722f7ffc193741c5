namespace TrendInsight.Ingest;

/// <summary>Counts for one feed in one run. Always <c>RowsRead == Accepted + Quarantined + Duplicates</c>.</summary>
public sealed class FeedTally
{
    public required string Feed { get; init; }
    public long RowsRead { get; set; }
    public long Accepted { get; set; }
    public long Quarantined { get; set; }
    public long Duplicates { get; set; }

    /// <summary>Versions of content/products already in the lake that this run replaced with a later one.</summary>
    public long Replaced { get; set; }
    public int FilesProcessed { get; set; }
    public int FilesSkipped { get; set; }
    public SortedDictionary<string, long> Reasons { get; } = new(StringComparer.Ordinal);

    /// <summary>Landing files rejected whole, with the reason and what was seen; their rows are in no count.</summary>
    public List<(string File, string Reason, string Detail)> RejectedFiles { get; } = [];

    /// <summary>Size and write time (UTC ticks) of each of <see cref="RejectedFiles"/>, for the manifest.</summary>
    internal List<(long Size, long Modified)> RejectedFileSizes { get; } = [];

    public void Reject(string reason)
    {
        Quarantined++;
        Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
    }

    /// <summary>Adds a landing file's counts once it has been read to the end.</summary>
    internal void Add(FileTally file)
    {
        FilesProcessed++;
        RowsRead += file.RowsRead;
        Quarantined += file.Quarantined;
        foreach (var (reason, rows) in file.Reasons)
        {
            Reasons[reason] = Reasons.GetValueOrDefault(reason) + rows;
        }
    }
}
