namespace TrendInsight.Core;

/// <summary>
/// Where everything lives under the data folder (<c>--data</c>, default <c>./data</c>); see the
/// layout in the README. One place, so that every stage and the tests agree.
/// </summary>
public sealed class DataLayout
{
    public DataLayout(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }
    public string Landing => Path.Combine(Root, "landing");
    public string Lake => Path.Combine(Root, "lake");
    public string Raw => Path.Combine(Lake, "raw");
    public string Terms => Path.Combine(Lake, "terms");
    public string Marts => Path.Combine(Lake, "marts");
    public string Quarantine => Path.Combine(Root, "quarantine");
    public string Reports => Path.Combine(Root, "reports");
    public string State => Path.Combine(Root, "state");
    public string Warehouse => Path.Combine(Root, "warehouse.duckdb");

    /// <summary>The ingest manifest: runs, landing files, committed lake files, accepted ids.</summary>
    public string Manifest => Path.Combine(State, "ingest.duckdb");

    /// <summary>
    /// The event ids each ingest run accepted, a Parquet file a run and feed (<c>ids/&lt;feed&gt;/ids-&lt;run&gt;.parquet</c>), which later
    /// runs count as duplicates; the manifest lists the committed ones.
    /// </summary>
    public string IdFiles => Path.Combine(State, "ids");

    /// <summary>Parsed text resources kept between runs: the segmenter's dictionary cache and the IDF table's Parquet copy.</summary>
    public string Vocabulary => Path.Combine(State, "vocabulary");

    /// <summary>The committed raw lake files as of the last manifest commit, for readers that must not wait for a running ingest.</summary>
    public string CommittedFiles => Path.Combine(State, "lake-files.json");

    /// <summary>Where files found in the lake that no manifest knows are moved aside (never deleted).</summary>
    public string Orphans => Path.Combine(Root, "orphans");

    /// <summary>
    /// What <c>simulate</c> writes beside the feed folders of the landing folder it fills (the trends it planted, for
    /// <c>evaluate</c>): the one file at a landing root that ingest expects and does not name as not read.
    /// </summary>
    public const string GroundTruthFile = "ground_truth.json";

    public string LandingFeed(string feed) => Path.Combine(Landing, feed);
    public string RawFeed(string feed) => Path.Combine(Raw, feed);
    public string RawPartition(string feed, DateOnly dt) => Path.Combine(Raw, feed, BusinessCalendar.Partition(dt));
    public string QuarantinePartition(string feed, DateOnly dt) => Path.Combine(Quarantine, feed, BusinessCalendar.Partition(dt));
    public string ReportFolder(DateOnly date) => Path.Combine(Reports, BusinessCalendar.Format(date));
}
