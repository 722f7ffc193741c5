using System.Text.Json;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;
using TrendInsight.Ingest.Reading;
using TrendInsight.Ingest.Validation;

namespace TrendInsight.Ingest;

/// <summary>
/// Reads one landing file row by row: valid rows go to the staging appender, rejected rows to the
/// quarantine with their reason. Memory stays flat whatever the file size.
/// </summary>
internal sealed class LandingFileReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };
    private readonly FeedSchema _schema;
    private readonly RowValidator _validator;
    private readonly QuarantineWriter _quarantine;
    private readonly DateOnly _runDate;
    private readonly object?[] _values;
    private readonly List<string> _csvFields = [];

    public LandingFileReader(FeedSchema schema, RowValidator validator, QuarantineWriter quarantine, DateOnly runDate)
    {
        _schema = schema;
        _validator = validator;
        _quarantine = quarantine;
        _runDate = runDate;
        _values = new object?[schema.Columns.Count];
    }

    /// <summary>Called every few thousand rows with the bytes of the file read so far.</summary>
    public Action<long, long>? Progress { get; set; }

    public void Read(string path, FileProbe probe, FileTally file, FeedTally feed, DuckDbAppender appender, CancellationToken cancellationToken)
    {
        using var reader = new RecordReader(path);
        var encoding = TextDecoding.For(probe.Encoding);
        var csv = LandingFormat.IsCsv(path);
        Dictionary<string, int>? header = null;
        var sourceIndex = _schema.IndexOf("source_file");

        // A truncated gzip's last line may be cut anywhere: hold each line back until the next one
        // is read, and quarantine the one left at the end.
        var holdBack = probe.TruncatedGzip;
        byte[]? pending = null;
        long pendingLine = 0;

        while (true)
        {
            ReadOnlyMemory<byte> record;
            bool more;
            if (csv)
            {
                more = reader.TryReadCsvRecord(out record, out _);
            }
            else
            {
                more = reader.TryReadLine(out record);
            }

            if (!more)
            {
                break;
            }

            if (IsBlank(record.Span))
            {
                continue;
            }

            if (csv && header is null)
            {
                // An unreadable header makes every row of the file unreadable: they are quarantined
                // as bad_csv rather than failing the whole run.
                header = ReadHeader(record.Span, encoding) ?? [];
                continue;
            }

            if (holdBack)
            {
                var previous = pending;
                var previousLine = pendingLine;
                pending = record.ToArray();
                pendingLine = reader.LineNumber;
                if (previous is null)
                {
                    continue;
                }

                Row(previous, previousLine);
            }
            else
            {
                Row(record, reader.LineNumber);
            }

            if ((file.RowsRead & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Progress?.Invoke(reader.BytesRead, file.RowsRead);
            }
        }

        if (holdBack || reader.Corrupt)
        {
            file.Truncated = true;
            if (pending is not null)
            {
                file.RowsRead++;
                Reject(Reasons.TruncatedGzip, pendingLine, pending, null);
            }
        }

        Progress?.Invoke(reader.BytesRead, file.RowsRead);

        void Row(ReadOnlyMemory<byte> memory, long line)
        {
            var bytes = memory.Span;
            file.RowsRead++;
            IRowFields fields;
            JsonDocument? doc = null;
            try
            {
                if (csv)
                {
                    if (!CsvSplitter.TrySplit(bytes, encoding, _csvFields, out var error))
                    {
                        Reject(error == "invalid_encoding" ? Reasons.InvalidEncoding : Reasons.BadCsv, line, bytes, null);
                        return;
                    }

                    if (header!.Count == 0)
                    {
                        Reject(Reasons.BadCsv, line, bytes, null);
                        return;
                    }

                    if (_csvFields.Count != header.Count)
                    {
                        Reject(Reasons.ColumnCount, line, bytes, null);
                        return;
                    }

                    fields = new CsvRowFields(header, _csvFields);
                }
                else
                {
                    byte[]? transcoded = null;
                    if (probe.Encoding == LandingEncoding.Gb18030)
                    {
                        var text = TextDecoding.TryDecode(TextDecoding.Gb18030, bytes);
                        if (text is null)
                        {
                            Reject(Reasons.InvalidEncoding, line, bytes, null);
                            return;
                        }

                        transcoded = System.Text.Encoding.UTF8.GetBytes(text);
                    }
                    else if (!System.Text.Unicode.Utf8.IsValid(bytes))
                    {
                        Reject(Reasons.InvalidEncoding, line, bytes, null);
                        return;
                    }

                    try
                    {
                        doc = JsonDocument.Parse(transcoded ?? memory, JsonOptions);
                    }
                    catch (JsonException)
                    {
                        Reject(Reasons.InvalidJson, line, bytes, null);
                        return;
                    }

                    if (doc.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        Reject(Reasons.InvalidJson, line, bytes, null);
                        return;
                    }

                    fields = new JsonRowFields(doc.RootElement);
                }

                var reason = _validator.Validate(fields, _values, out var dt);
                if (reason is not null)
                {
                    Reject(reason, line, bytes, dt);
                    return;
                }

                _values[sourceIndex] = file.FileName;
                Append(appender, dt!.Value, file.Seq, line);
                file.Staged++;
            }
            finally
            {
                doc?.Dispose();
            }
        }

        void Reject(string reason, long line, ReadOnlySpan<byte> bytes, DateOnly? dt)
        {
            file.Quarantined++;
            feed.Reject(reason);
            _quarantine.Write(_schema.Feed, dt ?? _runDate, file.FileName, line, reason, TextDecoding.Raw(probe.Encoding, bytes));
        }
    }

    private void Append(DuckDbAppender appender, DateOnly dt, int fileSeq, long line)
    {
        var row = appender.BeginRow();
        for (var i = 0; i < _values.Length; i++)
        {
            var value = _values[i];
            if (value is null)
            {
                row.AppendNull();
                continue;
            }

            switch (_schema.Columns[i].Type)
            {
                case ColumnType.Text:
                    row.Append((string)value);
                    break;
                case ColumnType.Timestamp:
                    row.Append((DateTimeOffset)value);
                    break;
                case ColumnType.Int64:
                    row.Append((long)value);
                    break;
                case ColumnType.Decimal:
                    row.Append((decimal)value);
                    break;
                case ColumnType.TextList:
                    row.Append((string[])value);
                    break;
            }
        }

        row.Append(dt).Append(fileSeq).Append(line).Append((string)_values[0]!).EndRow();
    }

    private static Dictionary<string, int>? ReadHeader(ReadOnlySpan<byte> record, System.Text.Encoding encoding)
    {
        var names = new List<string>();
        if (!CsvSplitter.TrySplit(record, encoding, names, out _))
        {
            return null;
        }

        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            header.TryAdd(names[i].Trim().ToLowerInvariant(), i);
        }

        return header;
    }

    private static bool IsBlank(ReadOnlySpan<byte> span) => span.Trim(" \t\r"u8).IsEmpty;
}
