namespace TrendInsight.DuckDb;

/// <summary>One Parquet file of the raw lake that a committed ingest run put there.</summary>
/// <param name="Feed">The feed (<c>comments</c>, <c>search</c> …).</param>
/// <param name="Dt">The partition's business day.</param>
/// <param name="Path">Relative to the data folder, <c>/</c>-separated: <c>lake/raw/&lt;feed&gt;/dt=…/part-&lt;run&gt;-0.parquet</c>.</param>
/// <param name="Rows">Rows the run wrote to it.</param>
/// <param name="SizeBytes">Its size at commit; null for files committed before sizes were kept.</param>
/// <param name="Sha256">SHA-256 of its bytes at commit (lower-case hex); null for files committed before checksums were kept.</param>
/// <param name="RunId">The ingest run that wrote it.</param>
public sealed record CommittedFile(string Feed, DateOnly Dt, string Path, long Rows, long? SizeBytes, string? Sha256, string RunId);
