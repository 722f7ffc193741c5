using TrendInsight.Core.Pipeline;

namespace TrendInsight.Ingest.Check;

/// <summary>What <c>validate</c> found: a verdict per landing file, and the entries ingest would not read, with the reason.</summary>
public sealed record LandingCheckReport(IReadOnlyList<FileVerdict> Files, IReadOnlyList<LandingRefusal> Ignored)
{
    public long RowsRead => Files.Sum(f => f.RowsRead);

    public long WouldAccept => Files.Sum(f => f.WouldAccept);

    public long Duplicates => Files.Sum(f => f.Duplicates);

    public long Quarantined => Files.Sum(f => f.Quarantined);

    public int FilesRejected => Files.Count(f => f.Rejection is not null);

    /// <summary>True when a row would be quarantined, a file rejected, or a landing entry not read: the exit code 3.</summary>
    public bool AnythingRejected => Quarantined > 0 || FilesRejected > 0 || Ignored.Count > 0;
}
