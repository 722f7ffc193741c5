namespace TrendInsight.Reports.Model;

/// <summary>Ingest accounting for one feed over the report period: read = accepted + quarantined + duplicates.</summary>
public sealed record FeedQuality(string Feed, long RowsRead, long Accepted, long Quarantined, long Duplicates)
{
    /// <summary>Files ingested.</summary>
    public long Files { get; init; }

    /// <summary>Share of rows read that were quarantined.</summary>
    public double QuarantineRate => RowsRead == 0 ? 0 : (double)Quarantined / RowsRead;
}
