namespace TrendInsight.Ingest.Repair;

/// <summary>What <c>repair --reingest</c> prepared: the damaged files it forgot and the landing files to read again.</summary>
/// <param name="Verify">The verification that found the damage.</param>
/// <param name="Reread">Landing files (feed/name) that are read again.</param>
/// <param name="Gone">Landing files (feed/name) that fed a damaged file and are no longer in landing: their rows cannot come back.</param>
/// <param name="Feeds">Feeds whose ids were recomputed from the files that remain, and that are ingested again.</param>
/// <param name="MovedAside">Damaged files that were still there, moved aside: (from, to).</param>
public sealed record ReingestPlan(VerifyReport Verify, IReadOnlyList<string> Reread, IReadOnlyList<string> Gone, IReadOnlyList<string> Feeds,
    IReadOnlyList<(string From, string To)> MovedAside);
