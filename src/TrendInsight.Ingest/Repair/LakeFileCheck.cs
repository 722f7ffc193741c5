namespace TrendInsight.Ingest.Repair;

/// <summary>One committed lake or quarantine file that is not as the manifest committed it.</summary>
/// <param name="Path">Relative to the data folder.</param>
/// <param name="Feed">The feed.</param>
/// <param name="Kind"><c>parquet</c> (lake), <c>quarantine</c>, or <c>ids</c> (the event ids a run accepted, under <c>state/ids/</c>).</param>
/// <param name="Dt">The partition's day (none for an id file).</param>
/// <param name="RunId">The run that committed it.</param>
/// <param name="Rows">Rows it held at commit.</param>
/// <param name="Problem"><c>missing</c>, <c>size</c> (not of its committed size), <c>checksum</c> (other bytes) or <c>unreadable</c> (not Parquet).</param>
/// <param name="FedBy">The landing files of the same run and feed, and whether each is still in landing.</param>
public sealed record LakeFileCheck(string Path, string Feed, string Kind, DateOnly Dt, string RunId, long Rows, string Problem,
    IReadOnlyList<(string File, bool Present)> FedBy)
{
    /// <summary>The <see cref="Kind"/> of an id file.</summary>
    public const string IdsKind = "ids";
}
