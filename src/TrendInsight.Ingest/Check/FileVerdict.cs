namespace TrendInsight.Ingest.Check;

/// <summary>
/// What ingest would make of one landing file on its own: format and encoding as detected, and its rows split into
/// those that would be accepted, duplicates within the file, and those quarantined (by reason). Or, when
/// <see cref="Rejection"/> is set, why the whole file would be rejected. Always
/// <c>RowsRead == WouldAccept + Duplicates + Quarantined</c>.
/// </summary>
public sealed record FileVerdict
{
    /// <summary>The feed the file was read as.</summary>
    public required string Feed { get; init; }

    /// <summary>Its full path.</summary>
    public required string Path { get; init; }

    /// <summary><c>jsonl</c>, <c>csv</c> or <c>parquet</c>, by its name.</summary>
    public required string Format { get; init; }

    /// <summary>Gzip by its magic bytes (whatever it is named).</summary>
    public bool Gzip { get; init; }

    /// <summary><c>utf-8</c> or <c>gb18030</c> (GBK and its superset); null for Parquet and for a rejected file.</summary>
    public string? Encoding { get; init; }

    /// <summary>Whether its text starts with a UTF-8 byte order mark.</summary>
    public bool Bom { get; init; }

    public long SizeBytes { get; init; }

    public long RowsRead { get; init; }

    /// <summary>Rows that would reach the lake (first delivery of an id; for content and products, the latest version of each id in the file).</summary>
    public long WouldAccept { get; init; }

    /// <summary>Valid rows whose id the file holds more than once (the lake and other files are not consulted).</summary>
    public long Duplicates { get; init; }

    public long Quarantined { get; init; }

    /// <summary>Quarantined rows by reason, in reason order.</summary>
    public IReadOnlyList<ReasonVerdict> Reasons { get; init; } = [];

    /// <summary>
    /// Segment values outside the contract that the rows would keep as <c>unknown</c> (field, value as delivered, rows),
    /// most rows first: spellings to map in <c>ingest.spellings</c>.
    /// </summary>
    public IReadOnlyList<UnknownSegment> UnknownSegments { get; init; } = [];

    /// <summary>The file-level reject (<c>not_gzip</c>, <c>not_text</c>, <c>missing_column:…</c>, …) or null when its rows were read.</summary>
    public string? Rejection { get; init; }

    /// <summary>What the rejection saw.</summary>
    public string? RejectionDetail { get; init; }

    /// <summary>
    /// An earlier file of this feed in the same check with the same bytes (SHA-256): ingest reads that one and skips
    /// this one, so its rows are in no count here.
    /// </summary>
    public string? SameContentAs { get; init; }

    /// <summary>A truncated or corrupt gzip: its last line is quarantined as <c>truncated_gzip</c>.</summary>
    public bool Truncated { get; init; }
}
