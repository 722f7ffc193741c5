namespace TrendInsight.Ingest;

/// <summary>Counts for one landing file in one run.</summary>
internal sealed class FileTally
{
    public required string FileName { get; init; }
    public required int Seq { get; set; }
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

    /// <summary>Bad rows that an earlier run already quarantined for a file of this name (a file rewritten in place): counted as duplicates, not quarantined again.</summary>
    public long Repeats { get; set; }

    public long Duplicates => Staged - Accepted + Repeats;

    /// <summary>Quarantined rows by reason.</summary>
    public SortedDictionary<string, long> Reasons { get; } = new(StringComparer.Ordinal);

    /// <summary>Accepted rows by segment field and value outside the contract (after spellings), before deduplication.</summary>
    public Dictionary<(string Field, string Value), long> UnknownSegments { get; } = [];

    /// <summary>Hashes of the raw lines that earlier runs quarantined for this file name.</summary>
    public IReadOnlySet<long> KnownBad { get; init; } = new HashSet<long>();

    /// <summary>Hashes of the raw lines this run quarantined, for the manifest.</summary>
    public List<long> BadLineHashes { get; } = [];
}
