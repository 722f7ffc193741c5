namespace TrendInsight.Ingest;

/// <summary>Counts for one landing file in one run.</summary>
internal sealed class FileTally
{
    public required string FileName { get; init; }
    public required int Seq { get; init; }
    public required string Sha256 { get; init; }
    public required long SizeBytes { get; init; }

    /// <summary>The file's last write time, UTC ticks.</summary>
    public required long ModifiedTicks { get; init; }
    public required string Encoding { get; init; }
    public bool Truncated { get; set; }
    public long RowsRead { get; set; }
    public long Staged { get; set; }
    public long Quarantined { get; set; }
    public long Accepted { get; set; }
    public long Duplicates => Staged - Accepted;
}
