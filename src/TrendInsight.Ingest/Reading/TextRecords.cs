namespace TrendInsight.Ingest.Reading;

/// <summary>The lines of a JSONL file or the records of a CSV file (quoted fields may span lines).</summary>
internal sealed class TextRecords(RecordReader reader, bool csv) : ILandingRecords
{
    public long LineNumber => reader.LineNumber;

    public long BytesRead => reader.BytesRead;

    public bool Corrupt => reader.Corrupt;

    public bool TooLong => reader.TooLong;

    public long TooLongBytes => reader.TooLongBytes;

    public bool TryRead(out ReadOnlyMemory<byte> record) => csv ? reader.TryReadCsvRecord(out record, out _) : reader.TryReadLine(out record);

    public void Dispose() => reader.Dispose();
}
