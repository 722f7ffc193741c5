namespace TrendInsight.Ingest.Reading;

/// <summary>The records of one landing file, in order, with the line (or row) number of each.</summary>
internal interface ILandingRecords : IDisposable
{
    /// <summary>Line number of the record last returned (for a Parquet file, its 1-based row number).</summary>
    long LineNumber { get; }

    /// <summary>Bytes of the file (as delivered) consumed so far.</summary>
    long BytesRead { get; }

    /// <summary>True when the file turned out to be cut: the last record returned may be incomplete.</summary>
    bool Corrupt { get; }

    /// <summary>The record last returned was longer than the line limit: it is only its first bytes (never for a Parquet row).</summary>
    bool TooLong { get; }

    /// <summary>The full length in bytes of the record last returned when it was <see cref="TooLong"/>.</summary>
    long TooLongBytes { get; }

    /// <summary>The next record (valid until the next call); false at the end.</summary>
    bool TryRead(out ReadOnlyMemory<byte> record);
}
