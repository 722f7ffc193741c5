namespace TrendInsight.Reports.Model;

/// <summary>
/// Ingest accounting for one feed: the run totals (read = accepted + quarantined + duplicates, over the
/// ingest runs) and the rows of the report period's partitions now in the lake and in quarantine.
/// </summary>
public sealed record FeedQuality(string Feed, long RowsRead, long Accepted, long Quarantined, long Duplicates)
{
    /// <summary>Files ingested.</summary>
    public long Files { get; init; }

    /// <summary>Rows in the lake for the report period's business days.</summary>
    public long? PeriodRows { get; init; }

    /// <summary>Rows in quarantine for the report period's business days.</summary>
    public long? PeriodQuarantined { get; init; }

    /// <summary>Share of rows read that were quarantined.</summary>
    public double QuarantineRate => RowsRead == 0 ? 0 : (double)Quarantined / RowsRead;
}
