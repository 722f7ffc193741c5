namespace TrendInsight.Ingest.Check;

/// <summary>One row that ingest would quarantine, as <c>validate</c> shows it.</summary>
/// <param name="Line">Its line in the file (a CSV record: the line it starts on; a Parquet file: its 1-based row number).</param>
/// <param name="Field">The field to blame, when the reason names one (<c>bad_number:likes</c> → likes; <c>bad_timestamp</c> → ts).</param>
/// <param name="Value">What the row had in that field, as the quarantine's detail quotes it; null when it quotes nothing.</param>
/// <param name="Expected">What the contract expected instead.</param>
/// <param name="Detail">The quarantine's detail: what the contract expected, and what the row had.</param>
public sealed record QuarantineExample(long Line, string? Field, string? Value, string Expected, string Detail);
