namespace TrendInsight.Ingest.Repair;

/// <summary>One committed lake or quarantine file that is not as the manifest committed it.</summary>
/// <param name="Path">Relative to the data folder.</param>
/// <param name="Feed">The feed.</param>
/// <param name="Kind"><c>parquet</c> (lake) or <c>quarantine</c>.</param>
/// <param name="Dt">The partition's day.</param>
/// <param name="RunId">The run that committed it.</param>
/// <param name="Rows">Rows it held at commit.</param>
/// <param name="Problem"><c>missing</c>, <c>size</c> (not of its committed size), <c>checksum</c> (other bytes) or <c>unreadable</c> (not Parquet).</param>
/// <param name="FedBy">The landing files of the same run and feed, and whether each is still in landing.</param>
public sealed record LakeFileCheck(string Path, string Feed, string Kind, DateOnly Dt, string RunId, long Rows, string Problem,
    IReadOnlyList<(string File, bool Present)> FedBy);
