namespace TrendInsight.Core.Pipeline;

/// <summary>Landing files → validated, deduplicated Parquet lake. Called by the CLI and by the ingest job.</summary>
public interface IIngestService
{
    /// <summary>Ingests every new landing file (of one feed when <paramref name="feed"/> is set).</summary>
    Task<IngestSummary> IngestAsync(DataLayout layout, string? feed, IProgress<StageProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>What one ingest run did. Always: <c>RowsRead == Accepted + Quarantined + Duplicates</c>.</summary>
public sealed record IngestSummary(
    long RowsRead,
    long Accepted,
    long Quarantined,
    long Duplicates,
    int FilesProcessed,
    int FilesSkipped,
    IReadOnlyList<DateOnly> PartitionsWritten)
{
    /// <summary>Landing files rejected whole (not gzip, not text, vanished, unreadable; a Parquet file not Parquet, corrupt or lacking a column); their rows are not counted.</summary>
    public int FilesRejected { get; init; }

    /// <summary>True when a row was quarantined, a file rejected or a landing entry not read: the CLI's exit code 3.</summary>
    public bool AnythingRejected => Quarantined > 0 || FilesRejected > 0 || Refused.Count > 0;

    /// <summary>Landing entries not read (unknown feed folders, files at the root or of other extensions, subfolders, symbolic links, matches outside the landing folder), each with the reason.</summary>
    public IReadOnlyList<LandingRefusal> Refused { get; init; } = [];

    /// <summary>
    /// Committed lake files (relative to the data folder) that are missing or not of their committed size:
    /// a damaged lake, which <c>trendinsight verify</c> details and <c>repair --reingest</c> restores.
    /// </summary>
    public IReadOnlyList<string> MissingLakeFiles { get; init; } = [];

    /// <summary>
    /// Segment values outside the landing contract (after its spellings), per feed, field and value as delivered, with
    /// the accepted rows that had them; stored as <c>unknown</c>, and in <c>state.unknown_segment_values</c>.
    /// </summary>
    public IReadOnlyList<(string Feed, string Field, string Value, long Rows)> UnknownSegments { get; init; } = [];

    /// <summary>Files found in the lake that no run of the manifest wrote, moved aside: (from, to), relative to the data folder.</summary>
    public IReadOnlyList<(string From, string To)> Orphans { get; init; } = [];
}
