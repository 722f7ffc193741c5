namespace TrendInsight.Ingest.Repair;

/// <summary>What <c>trendinsight repair</c> rebuilt the manifest from.</summary>
/// <param name="MovedAside">Where the old (unreadable or empty) manifest was moved, relative to the data folder; null when there was none.</param>
/// <param name="Runs">Run ids found in the lake's file names.</param>
/// <param name="LakeFiles">Parquet files recorded, and their rows.</param>
/// <param name="LakeRows">Rows of those files.</param>
/// <param name="QuarantineFiles">Quarantine files recorded.</param>
/// <param name="QuarantineRows">Rows of those files.</param>
/// <param name="Ids">Accepted ids read back from the Parquet, per feed (<c>seen_ids</c>, or <c>latest</c> for content and products).</param>
/// <param name="LandingRecorded">Landing files still in landing that fed the lake, recorded as ingested (so they are not read again).</param>
/// <param name="LandingGone">Landing files named in the lake (<c>source_file</c>) that are no longer in landing: feed/name.</param>
/// <param name="Orphans">Files that are not named like a run's file (or were replaced by a rewrite), moved aside: (from, to).</param>
public sealed record RebuildReport(
    string? MovedAside, int Runs, int LakeFiles, long LakeRows, int QuarantineFiles, long QuarantineRows,
    IReadOnlyList<(string Feed, long Ids)> Ids, int LandingRecorded, IReadOnlyList<string> LandingGone,
    IReadOnlyList<(string From, string To)> Orphans);
