using System.Buffers;
using System.Text.Json;
using TrendInsight.Core;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;
using TrendInsight.Ingest.Reading;
using TrendInsight.Ingest.Validation;

namespace TrendInsight.Ingest;

/// <summary>
/// Reads one landing file: valid rows go to the staging appender, rejected rows to the quarantine with
/// their reason. Records are read in batches; the batches of a round are parsed and validated in
/// parallel, and appended in file order while the next round is read and validated, so memory stays
/// flat whatever the file size.
/// </summary>
internal sealed class LandingFileReader
{
    private const int BatchRows = 2048;
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };
    private readonly FeedSchema _schema;
    private readonly RowValidator _validator;
    private readonly QuarantineWriter _quarantine;
    private readonly DateOnly _runDate;
    private readonly int _parallel = Math.Clamp(Environment.ProcessorCount, 1, 4);

    public LandingFileReader(FeedSchema schema, RowValidator validator, QuarantineWriter quarantine, DateOnly runDate)
    {
        _schema = schema;
        _validator = validator;
        _quarantine = quarantine;
        _runDate = runDate;
    }

    /// <summary>Called every round with the bytes of the file read so far and the rows read.</summary>
    public Action<long, long>? Progress { get; set; }

    public void Read(string path, FileProbe probe, FileTally file, FeedTally feed, DuckDbAppender appender, CancellationToken cancellationToken)
    {
        using var reader = new RecordReader(path);
        var encoding = TextDecoding.For(probe.Encoding);
        var csv = LandingFormat.IsCsv(path);
        Dictionary<string, int>? header = null;
        var sourceIndex = _schema.IndexOf("source_file");

        // Two sets of batches: while one round is appended (DuckDB's appender, one thread), the next
        // is read and validated (all cores). Rounds are appended in file order.
        var sets = new[] { NewRound(), NewRound() };
        Task? appending = null;
        var eof = false;
        try
        {
            for (var round = 0; !eof; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batches = sets[round % 2];
                var used = 0;
                while (used < batches.Length && !eof)
                {
                    var batch = batches[used];
                    batch.Clear();
                    while (batch.Count < BatchRows)
                    {
                        ReadOnlyMemory<byte> record;
                        var more = csv ? reader.TryReadCsvRecord(out record, out _) : reader.TryReadLine(out record);
                        if (!more)
                        {
                            eof = true;
                            break;
                        }

                        if (IsBlank(record.Span))
                        {
                            continue;
                        }

                        if (csv && header is null)
                        {
                            // An unreadable header makes every row of the file unreadable: they are
                            // quarantined as bad_csv rather than failing the whole run.
                            header = ReadHeader(record.Span, encoding) ?? [];
                            continue;
                        }

                        batch.Add(record.Span, reader.LineNumber);
                    }

                    if (batch.Count > 0)
                    {
                        used++;
                    }
                }

                // A truncated gzip's last line may be cut anywhere: it is quarantined, not parsed.
                (byte[] Raw, long Line)? cut = null;
                if (eof && (probe.TruncatedGzip || reader.Corrupt))
                {
                    file.Truncated = true;
                    for (var b = used - 1; b >= 0; b--)
                    {
                        if (batches[b].Count > 0)
                        {
                            cut = batches[b].RemoveLast();
                            break;
                        }
                    }
                }

                Parallel.For(0, used, new ParallelOptions { MaxDegreeOfParallelism = _parallel, CancellationToken = cancellationToken },
                    b => Evaluate(batches[b], csv, header, probe.Encoding, encoding));

                appending?.GetAwaiter().GetResult();
                Progress?.Invoke(reader.BytesRead, file.RowsRead);
                var rows = used;
                appending = Task.Run(() => AppendRound(batches, rows, cut), cancellationToken);
            }
        }
        finally
        {
            // Never leave the appender in use by a round when the caller goes on (or disposes it). A
            // round's own failure is rethrown below; here the exception that got us out wins.
            try
            {
                appending?.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }
        }

        appending?.GetAwaiter().GetResult();
        Progress?.Invoke(reader.BytesRead, file.RowsRead);

        void AppendRound(Batch[] batches, int used, (byte[] Raw, long Line)? cut)
        {
            for (var b = 0; b < used; b++)
            {
                var batch = batches[b];
                for (var i = 0; i < batch.Count; i++)
                {
                    file.RowsRead++;
                    ref var outcome = ref batch.Outcomes[i];
                    if (outcome.Reason is not null)
                    {
                        Reject(outcome.Reason, batch.Lines[i], batch.Record(i), outcome.Dt);
                        continue;
                    }

                    outcome.Values![sourceIndex] = file.FileName;
                    Append(appender, outcome.Values, outcome.Dt!.Value, file.Seq, batch.Lines[i]);
                    file.Staged++;
                }
            }

            if (cut is { } last)
            {
                file.RowsRead++;
                Reject(QuarantineReasons.TruncatedGzip, last.Line, last.Raw, null);
            }
        }

        void Reject(string reason, long line, ReadOnlySpan<byte> bytes, DateOnly? dt)
        {
            file.Quarantined++;
            feed.Reject(reason);
            _quarantine.Write(_schema.Feed, dt ?? _runDate, file.FileName, line, reason, TextDecoding.Raw(probe.Encoding, bytes));
        }

        Batch[] NewRound() => Enumerable.Range(0, _parallel * 2).Select(_ => new Batch()).ToArray();
    }

    private void Evaluate(Batch batch, bool csv, Dictionary<string, int>? header, LandingEncoding landingEncoding, System.Text.Encoding encoding)
    {
        var csvFields = new List<string>();
        for (var i = 0; i < batch.Count; i++)
        {
            batch.Outcomes[i] = EvaluateOne(batch.RecordMemory(i), csv, header, landingEncoding, encoding, csvFields);
        }
    }

    private Outcome EvaluateOne(ReadOnlyMemory<byte> memory, bool csv, Dictionary<string, int>? header, LandingEncoding landingEncoding,
        System.Text.Encoding encoding, List<string> csvFields)
    {
        var bytes = memory.Span;
        IRowFields fields;
        JsonDocument? doc = null;
        try
        {
            if (csv)
            {
                if (!CsvSplitter.TrySplit(bytes, encoding, csvFields, out var error))
                {
                    return new Outcome(error == "invalid_encoding" ? QuarantineReasons.InvalidEncoding : QuarantineReasons.BadCsv);
                }

                if (header!.Count == 0)
                {
                    return new Outcome(QuarantineReasons.BadCsv);
                }

                if (csvFields.Count != header.Count)
                {
                    return new Outcome(QuarantineReasons.ColumnCount);
                }

                fields = new CsvRowFields(header, csvFields);
            }
            else
            {
                byte[]? transcoded = null;
                if (landingEncoding == LandingEncoding.Gb18030)
                {
                    var text = TextDecoding.TryDecode(TextDecoding.Gb18030, bytes);
                    if (text is null)
                    {
                        return new Outcome(QuarantineReasons.InvalidEncoding);
                    }

                    transcoded = System.Text.Encoding.UTF8.GetBytes(text);
                }
                else if (!System.Text.Unicode.Utf8.IsValid(bytes))
                {
                    return new Outcome(QuarantineReasons.InvalidEncoding);
                }

                try
                {
                    doc = JsonDocument.Parse(transcoded ?? memory, JsonOptions);
                }
                catch (JsonException)
                {
                    return new Outcome(QuarantineReasons.InvalidJson);
                }

                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return new Outcome(QuarantineReasons.InvalidJson);
                }

                fields = new JsonRowFields(doc.RootElement);
            }

            var values = new object?[_schema.Columns.Count];
            var reason = _validator.Validate(fields, values, out var dt);
            return reason is null ? new Outcome(null, values, dt) : new Outcome(reason, null, dt);
        }
        finally
        {
            doc?.Dispose();
        }
    }

    private void Append(DuckDbAppender appender, object?[] values, DateOnly dt, int fileSeq, long line)
    {
        var row = appender.BeginRow();
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
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

        row.Append(dt).Append(fileSeq).Append(line).Append((string)values[0]!).EndRow();
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

    /// <summary>The result of checking one record: a reason, or the lake values and business day.</summary>
    private readonly record struct Outcome(string? Reason, object?[]? Values = null, DateOnly? Dt = null);

    /// <summary>Up to <see cref="BatchRows"/> records copied out of the reader's buffer, with their line numbers and outcomes.</summary>
    private sealed class Batch
    {
        private readonly ArrayBufferWriter<byte> _bytes = new(1 << 16);
        private readonly List<(int Offset, int Length)> _ranges = new(BatchRows);

        public List<long> Lines { get; } = new(BatchRows);

        public Outcome[] Outcomes { get; } = new Outcome[BatchRows];

        public int Count => _ranges.Count;

        public void Clear()
        {
            _bytes.ResetWrittenCount();
            _ranges.Clear();
            Lines.Clear();
            Array.Clear(Outcomes);
        }

        public void Add(ReadOnlySpan<byte> record, long line)
        {
            _ranges.Add((_bytes.WrittenCount, record.Length));
            _bytes.Write(record);
            Lines.Add(line);
        }

        public ReadOnlyMemory<byte> RecordMemory(int i) => _bytes.WrittenMemory.Slice(_ranges[i].Offset, _ranges[i].Length);

        public ReadOnlySpan<byte> Record(int i) => RecordMemory(i).Span;

        public (byte[] Raw, long Line) RemoveLast()
        {
            var i = _ranges.Count - 1;
            var result = (Record(i).ToArray(), Lines[i]);
            _ranges.RemoveAt(i);
            Lines.RemoveAt(i);
            return result;
        }
    }
}
