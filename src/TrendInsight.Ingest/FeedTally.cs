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

    /// <summary>Landing files rejected whole (none of their rows read), in the order met.</summary>
    public List<(string File, string Reason)> RejectedFiles { get; } = [];

    public int FilesRejected => RejectedFiles.Count;

    public void RejectFile(string file, string reason) => RejectedFiles.Add((file, reason));

    public void Reject(string reason)
    {
        Quarantined++;
        Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
    }
}
