using System.Buffers;
using TrendInsight.Core;
using DuckDB.NET.Data;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;
using TrendInsight.Ingest.Reading;
using TrendInsight.Ingest.Validation;

namespace TrendInsight.Ingest;

/// <summary>
/// Reads one landing file: valid rows go to the staging appenders, rejected rows to the quarantine with
/// their reason. Records are read in rounds of batches: while the main thread reads the next round,
/// the workers parse, validate and append this one (each with its own appender); rejected rows and
/// counts are then taken in file order. Memory stays flat whatever the file size.
/// </summary>
internal sealed class LandingFileReader
{
    private const int BatchRows = 2048;
    private readonly FeedSchema _schema;
    private readonly RowValidator _validator;
    private readonly QuarantineWriter _quarantine;
    private readonly DateOnly _runDate;

    public LandingFileReader(FeedSchema schema, RowValidator validator, QuarantineWriter quarantine, DateOnly runDate)
    {
        _schema = schema;
        _validator = validator;
        _quarantine = quarantine;
        _runDate = runDate;
    }

    /// <summary>Rows are validated and appended by this many workers, each with its own appender (one a core, at most 4).</summary>
    public static int Workers { get; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Called every round with the bytes of the file read so far and the rows read.</summary>
    public Action<long, long>? Progress { get; set; }

    public void Read(string path, FileProbe probe, FileTally file, FeedTally feed, IReadOnlyList<DuckDBAppender> appenders, CancellationToken cancellationToken)
    {
        using var reader = new RecordReader(path);
        var encoding = TextDecoding.For(probe.Encoding);
        var csv = LandingFormat.IsCsv(path);
        Dictionary<string, int>? header = null;

        // Two sets of batches: while one round is validated and appended (a worker a core, each with its
        // own appender), the next is read. Rejected rows and counts are taken in file order.
        var sets = new[] { NewRound(), NewRound() };
        Task? processing = null;
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

                Wait(processing);
                Progress?.Invoke(reader.BytesRead, file.RowsRead);
                var rows = used;
                var fileHeader = header;
                processing = Task.Run(() => ProcessRound(batches, rows, fileHeader, cut), cancellationToken);
            }
        }
        finally
        {
            // Never leave an appender in use by a round when the caller goes on (or disposes it). A
            // round's own failure is rethrown below; here the exception that got us out wins.
            try
            {
                processing?.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }
        }

        Wait(processing);
        Progress?.Invoke(reader.BytesRead, file.RowsRead);

        void ProcessRound(Batch[] batches, int used, Dictionary<string, int>? fileHeader, (byte[] Raw, long Line)? cut)
        {
            // Batch b goes to worker b mod n, so each appender is used by one thread at a time. The staging
            // table's order does not matter: deduplication orders by file and line.
            var workers = Math.Max(1, Math.Min(appenders.Count, used));
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, w =>
            {
                for (var b = w; b < used; b += workers)
                {
                    Evaluate(batches[b], csv, fileHeader, probe.Encoding, encoding);
                    AppendValid(batches[b], appenders[w], file.Seq);
                }
            });

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

        Batch[] NewRound() => Enumerable.Range(0, Workers * 2).Select(_ => new Batch(_schema.Columns.Count - 1)).ToArray();
    }

    private static void AppendValid(Batch batch, DuckDBAppender appender, int fileSeq)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            ref var outcome = ref batch.Outcomes[i];
            if (outcome.Reason is null)
            {
                var row = appender.CreateRow();
                batch.Values.AppendTo(row, i);
                row.AppendValue(outcome.Dt!.Value).AppendValue(fileSeq).AppendValue(batch.Lines[i])
                    .AppendValue(batch.Values.TextOf(i, 0)).EndRow();
            }
        }
    }

    /// <summary>Waits for a round; its failure is rethrown as it was raised (not wrapped).</summary>
    private static void Wait(Task? round)
    {
        try
        {
            round?.GetAwaiter().GetResult();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    private void Evaluate(Batch batch, bool csv, Dictionary<string, int>? header, LandingEncoding landingEncoding, System.Text.Encoding encoding)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            batch.Outcomes[i] = EvaluateOne(batch, i, csv, header, landingEncoding, encoding);
        }
    }

    private Outcome EvaluateOne(Batch batch, int i, bool csv, Dictionary<string, int>? header, LandingEncoding landingEncoding,
        System.Text.Encoding encoding)
    {
        var memory = batch.RecordMemory(i);
        var fields = batch.Fields;
        if (csv)
        {
            if (!CsvSplitter.TrySplit(memory.Span, encoding, batch.CsvCells, out var error))
            {
                return new Outcome(error == "invalid_encoding" ? QuarantineReasons.InvalidEncoding : QuarantineReasons.BadCsv);
            }

            if (header!.Count == 0)
            {
                return new Outcome(QuarantineReasons.BadCsv);
            }

            if (batch.CsvCells.Count != header.Count)
            {
                return new Outcome(QuarantineReasons.ColumnCount);
            }

            fields.LoadCsv(header, batch.CsvCells);
        }
        else
        {
            if (landingEncoding == LandingEncoding.Gb18030)
            {
                var text = TextDecoding.TryDecode(TextDecoding.Gb18030, memory.Span);
                if (text is null)
                {
                    return new Outcome(QuarantineReasons.InvalidEncoding);
                }

                memory = System.Text.Encoding.UTF8.GetBytes(text);
            }
            else if (!System.Text.Unicode.Utf8.IsValid(memory.Span))
            {
                return new Outcome(QuarantineReasons.InvalidEncoding);
            }

            if (!fields.LoadJson(memory))
            {
                return new Outcome(QuarantineReasons.InvalidJson);
            }
        }

        var reason = _validator.Validate(fields, batch.Values, i, out var dt);
        return new Outcome(reason, dt);
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

    /// <summary>The result of checking one record: a reason (null when valid; the values are in the batch) and the business day.</summary>
    private readonly record struct Outcome(string? Reason, DateOnly? Dt = null);

    /// <summary>
    /// Up to <see cref="BatchRows"/> records copied out of the reader's buffer, with their line numbers, outcomes and
    /// the lake values of the valid ones; with the field reader the worker that validates it uses.
    /// </summary>
    private sealed class Batch(int columns)
    {
        private readonly ArrayBufferWriter<byte> _bytes = new(1 << 16);
        private readonly List<(int Offset, int Length)> _ranges = new(BatchRows);

        public List<long> Lines { get; } = new(BatchRows);

        public Outcome[] Outcomes { get; } = new Outcome[BatchRows];

        /// <summary>The lake columns of the schema but <c>source_file</c> (the last), row by row.</summary>
        public StagedRows Values { get; } = new(columns, BatchRows);

        public RowFields Fields { get; } = new();

        public List<string> CsvCells { get; } = [];

        public int Count => _ranges.Count;

        public void Clear()
        {
            _bytes.ResetWrittenCount();
            _ranges.Clear();
            Lines.Clear();
            Array.Clear(Outcomes);
            Values.Clear();
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
