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

    /// <summary>
    /// Rows accepted with a segment value outside the contract (after the spelling map), by field and value as
    /// delivered: stored as <c>unknown</c> in the lake. At most <see cref="MaxUnknownValues"/> values a field are
    /// named; the rest are counted under <see cref="OtherValues"/>.
    /// </summary>
    public SortedDictionary<(string Field, string Value), long> UnknownSegments { get; } = new(Comparer<(string Field, string Value)>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.Field, b.Field);
        return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
    }));

    /// <summary>How many distinct unknown values of one field are named before the rest are lumped together.</summary>
    public const int MaxUnknownValues = 200;

    /// <summary>The value the unknown values beyond <see cref="MaxUnknownValues"/> are counted under.</summary>
    public const string OtherValues = "(other values)";

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

        foreach (var ((field, value), rows) in file.UnknownSegments)
        {
            var key = UnknownSegments.ContainsKey((field, value)) || UnknownSegments.Keys.Count(k => k.Field == field) < MaxUnknownValues
                ? (field, value) : (field, OtherValues);
            UnknownSegments[key] = UnknownSegments.GetValueOrDefault(key) + rows;
        }
    }
}
