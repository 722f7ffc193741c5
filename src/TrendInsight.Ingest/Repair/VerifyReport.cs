namespace TrendInsight.Ingest.Repair;

/// <summary>What <c>trendinsight verify</c> found: every committed file checked, and those that are not as committed.</summary>
/// <param name="Checked">Committed files checked (lake and quarantine).</param>
/// <param name="WithoutChecksum">Files committed before checksums were kept: checked for presence and readability only.</param>
/// <param name="Problems">Files missing or damaged.</param>
public sealed record VerifyReport(int Checked, int WithoutChecksum, IReadOnlyList<LakeFileCheck> Problems)
{
    /// <summary>True when every committed file is there as committed.</summary>
    public bool Ok => Problems.Count == 0;
}
