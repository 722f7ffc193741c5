using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using TrendInsight.Core;
using DuckDB.NET.Data;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;
using TrendInsight.Ingest.Reading;
using TrendInsight.Ingest.Validation;

namespace TrendInsight.Ingest;

/// <summary>
/// Reads one landing file: valid rows go to the staging appenders, rejected rows to the quarantine with
/// their reason. Records are read in batches: while the main thread reads the next batches, the workers
/// (each with its own appender) parse, validate and append the ones read, each taking the next as it is done;
/// rejected rows and counts are taken in file order. Memory stays flat whatever the file size, and bounded by
/// <c>ingest.max_line_bytes</c> whatever the longest line. A bad row that an earlier run already quarantined for
/// a file of the same name is counted as a duplicate, not quarantined again.
/// </summary>
internal sealed class LandingFileReader
{
    private const int BatchRows = 2048;

    /// <summary>A batch also ends at this many bytes, so that long lines (up to <c>ingest.max_line_bytes</c> each) keep memory bounded.</summary>
    private const int BatchBytes = 4 << 20;
    private readonly FeedSchema _schema;
    private readonly RowValidator _validator;
    private readonly IQuarantineSink _quarantine;
    private readonly DateOnly _runDate;
    private readonly Func<string, Stream> _open;
    private readonly int _maxLine;

    public LandingFileReader(FeedSchema schema, RowValidator validator, IQuarantineSink quarantine, DateOnly runDate, Func<string, Stream> open, int maxLineBytes)
    {
        _schema = schema;
        _validator = validator;
        _quarantine = quarantine;
        _runDate = runDate;
        _open = open;
        _maxLine = maxLineBytes;
    }

    /// <summary>
    /// The reader of one feed's landing files as a run started at <paramref name="now"/> reads them, with the contract's
    /// validator: <c>ingest</c> and <c>validate</c> both read through this.
    /// </summary>
    public static LandingFileReader ForFeed(FeedSchema schema, Core.Config.IngestConfig config, Func<string, string> normalize, DateTimeOffset now,
        IQuarantineSink quarantine, Func<string, Stream> open) =>
        new(schema, new RowValidator(schema, config, normalize, now), quarantine, BusinessCalendar.DateOf(now), open, config.MaxLineBytes);

    /// <summary>Rows are validated and appended by this many workers, each with its own appender (one a core, at most 4).</summary>
    public static int Workers { get; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Called every few batches with the bytes of the file read so far and the rows read.</summary>
    public Action<long, long>? Progress { get; set; }

    /// <summary>
    /// Reads the file's rows into the appenders and the quarantine, counting into <paramref name="file"/>. A failure
    /// to open or read the file is thrown as <see cref="LandingFileException"/>: the caller then drops what was
    /// staged and quarantined for the file.
    /// </summary>
    public void Read(string path, FileProbe probe, FileTally file, IReadOnlyList<ChunkAppender> appenders, CancellationToken cancellationToken) =>
        Read(path, probe, file, appenders, new PhaseTimes(), cancellationToken);

    /// <summary>As <see cref="Read(string, FileProbe, FileTally, IReadOnlyList{ChunkAppender}, CancellationToken)"/>, adding the time of each step to <paramref name="times"/>.</summary>
    public void Read(string path, FileProbe probe, FileTally file, IReadOnlyList<ChunkAppender> appenders, PhaseTimes times, CancellationToken cancellationToken)
    {
        var csv = LandingFormat.IsCsv(path);
        using var reader = LandingFormat.IsParquet(path) ? OpenParquet(path)
            : new TextRecords(new RecordReader(OpenLanding(path), probe.Compressed, _maxLine), csv);
        var encoding = TextDecoding.For(probe.Encoding);
        CsvHeader? header = null;

        // A pipeline: the main thread splits records into batches, a worker a core (each with its own appender)
        // takes the next batch as soon as it is free, and the batches are counted and quarantined in file order
        // by whichever worker finishes the batch that is next. The batches in flight are bounded: memory is too.
        var workerCount = Math.Max(1, appenders.Count);
        using var free = new BlockingCollection<Batch>(new ConcurrentQueue<Batch>());
        for (var i = 0; i < (2 * workerCount) + 2; i++)
        {
            free.Add(new Batch(_schema.Columns.Count - 1));
        }

        using var work = new BlockingCollection<Batch>(new ConcurrentQueue<Batch>());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var order = new Lock();
        var finished = new Dictionary<long, Batch>();
        long handed = 0;
        long next = 0;
        Exception? failure = null;
        var workers = new Task[workerCount];
        for (var w = 0; w < workerCount; w++)
        {
            var appender = appenders[w];
            workers[w] = Task.Factory.StartNew(() => Work(appender), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        // A batch is handed on only once a record after it has been read: a truncated gzip's last line (which
        // may be cut anywhere) is then still in the held batch, to be quarantined, not parsed.
        Batch? held = null;
        (byte[] Raw, long Line)? cut = null;
        var completed = false;
        try
        {
            var eof = false;
            while (!eof)
            {
                stop.Token.ThrowIfCancellationRequested();
                var waitStart = Stopwatch.GetTimestamp();
                var batch = free.Take(stop.Token);
                times.AddSince("read › waiting for the workers", waitStart);
                var readStart = Stopwatch.GetTimestamp();
                batch.Clear();
                batch.Header = header;
                while (batch.Count < BatchRows && batch.Bytes < BatchBytes)
                {
                    ReadOnlyMemory<byte> record;
                    if (!reader.TryRead(out record))
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
                        header = (reader.TooLong ? null : ReadHeader(record.Span, encoding)) ?? new CsvHeader([], null);
                        batch.Header = header;
                        continue;
                    }

                    if (held is not null)
                    {
                        Hand(held);
                        held = null;
                    }

                    batch.Add(record.Span, reader.LineNumber);
                    if (reader.TooLong)
                    {
                        batch.Outcomes[batch.Count - 1] = new Outcome(QuarantineReasons.LineTooLong, Detail: string.Create(CultureInfo.InvariantCulture,
                            $"{QuarantineReasons.Expected(QuarantineReasons.LineTooLong)} ({_maxLine:N0}); got {reader.TooLongBytes:N0} bytes, raw is the first {record.Length:N0}"));
                    }
                }

                if (batch.Count > 0)
                {
                    held = batch;
                }
                else
                {
                    free.Add(batch);
                }

                times.AddSince("read › split records (main thread)", readStart);
                if (handed % (2 * workerCount) == 0)
                {
                    Progress?.Invoke(reader.BytesRead, RowsSoFar());
                }
            }

            if (probe.TruncatedGzip || reader.Corrupt)
            {
                file.Truncated = true;
                cut = held?.RemoveLast();
            }

            if (held is { Count: > 0 })
            {
                Hand(held);
            }

            completed = true;
        }
        catch (OperationCanceledException) when (failure is not null)
        {
            // A worker failed and stopped the others: its exception is thrown below.
        }
        finally
        {
            if (!completed)
            {
                // Leaving with an error: the workers stop at the next batch. Never leave an appender in use (the
                // caller goes on, or disposes it); the exception that got us out wins over theirs.
                stop.Cancel();
            }

            work.CompleteAdding();
            var lastWait = Stopwatch.GetTimestamp();
            try
            {
                Task.WaitAll(workers, CancellationToken.None);
            }
            catch (AggregateException)
            {
            }

            times.AddSince("read › waiting for the workers", lastWait);
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (cut is { } last)
        {
            file.RowsRead++;
            Reject(QuarantineReasons.TruncatedGzip, QuarantineReasons.Expected(QuarantineReasons.TruncatedGzip), last.Line, last.Raw, null);
        }

        Progress?.Invoke(reader.BytesRead, file.RowsRead);

        void Hand(Batch batch)
        {
            batch.Seq = handed++;
            work.Add(batch, stop.Token);
        }

        long RowsSoFar()
        {
            lock (order)
            {
                return file.RowsRead;
            }
        }

        void Work(ChunkAppender appender)
        {
            try
            {
                foreach (var batch in work.GetConsumingEnumerable(stop.Token))
                {
                    var start = Stopwatch.GetTimestamp();
                    Evaluate(batch, csv, batch.Header, probe.Encoding, encoding);
                    var parsed = Stopwatch.GetTimestamp();
                    times.AddSince("read › parse and validate (workers)", start);
                    AppendValid(batch, appender, file.Seq);
                    times.AddSince("read › append to DuckDB (workers)", parsed);
                    Finish(batch);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                stop.Cancel();
            }
        }

        void Finish(Batch batch)
        {
            lock (order)
            {
                finished.Add(batch.Seq, batch);
                while (finished.Remove(next, out var inOrder))
                {
                    var tallyStart = Stopwatch.GetTimestamp();
                    Tally(inOrder);
                    times.AddSince("read › count and quarantine (workers)", tallyStart);
                    next++;
                    free.Add(inOrder);
                }
            }
        }

        void Tally(Batch batch)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                file.RowsRead++;
                ref var outcome = ref batch.Outcomes[i];
                if (outcome.Reason is not null)
                {
                    Reject(outcome.Reason, outcome.Detail, batch.Lines[i], batch.Record(i), outcome.Dt);
                    continue;
                }

                file.Staged++;
                if (batch.Values.UnknownSegmentsOf(i) is { Count: > 0 } unknown)
                {
                    foreach (var segment in unknown)
                    {
                        file.UnknownSegments[segment] = file.UnknownSegments.GetValueOrDefault(segment) + 1;
                    }
                }
            }
        }

        void Reject(string reason, string? detail, long line, ReadOnlySpan<byte> bytes, DateOnly? dt)
        {
            var hash = LineHash(bytes);
            if (file.KnownBad.Contains(hash))
            {
                file.Repeats++;
                return;
            }

            file.BadLineHashes.Add(hash);
            file.Quarantined++;
            file.Reasons[reason] = file.Reasons.GetValueOrDefault(reason) + 1;
            _quarantine.Write(_schema.Feed, dt ?? _runDate, file.FileName, line, reason, detail, TextDecoding.Raw(probe.Encoding, bytes));
        }
    }

    /// <summary>A Parquet file the probe read whole; one changed or gone since is a file-level reject like a text file's.</summary>
    private ILandingRecords OpenParquet(string path)
    {
        try
        {
            return ParquetRecords.Open(path, RequiredFields.For(_schema.Feed));
        }
        catch (Exception e) when (LandingFileException.ReasonOf(e) is { } reason)
        {
            throw new LandingFileException(reason, e);
        }
    }

    private Stream OpenLanding(string path)
    {
        try
        {
            return _open(path);
        }
        catch (Exception e) when (LandingFileException.ReasonOf(e) is { } reason)
        {
            throw new LandingFileException(reason, e);
        }
    }

    private static void AppendValid(Batch batch, ChunkAppender appender, int fileSeq)
    {
        var values = batch.Values;
        var at = values.Columns;
        for (var i = 0; i < batch.Count; i++)
        {
            ref var outcome = ref batch.Outcomes[i];
            if (outcome.Reason is null)
            {
                values.AppendTo(appender, i);
                appender.Date(at, outcome.Dt!.Value);
                appender.Int32(at + 1, fileSeq);
                appender.Int64(at + 2, batch.Lines[i]);
                appender.EndRow();
            }
        }
    }

    private void Evaluate(Batch batch, bool csv, CsvHeader? header, LandingEncoding landingEncoding, System.Text.Encoding encoding)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            // A reason already set came from the reader (line_too_long): the record is not parsed.
            if (batch.Outcomes[i].Reason is null)
            {
                batch.Outcomes[i] = EvaluateOne(batch, i, csv, header, landingEncoding, encoding);
            }
        }
    }

    private Outcome EvaluateOne(Batch batch, int i, bool csv, CsvHeader? header, LandingEncoding landingEncoding,
        System.Text.Encoding encoding)
    {
        var memory = batch.RecordMemory(i);
        var fields = batch.Fields;
        if (landingEncoding == LandingEncoding.Utf8 && Mojibake.LooksLikeGbk(memory.Span))
        {
            return new Outcome(QuarantineReasons.InvalidEncoding, Detail: QuarantineReasons.Expected(QuarantineReasons.InvalidEncoding)
                + "; valid UTF-8 only by accident, as GB18030 it reads '"
                + QuarantineDetail.Excerpt(NearFirstNonAscii(TextDecoding.Gb18030.GetString(memory.Span))) + "'");
        }

        if (csv)
        {
            if (!CsvSplitter.TrySplit(memory.Span, encoding, batch.CsvCells, out var error))
            {
                return Plain(error == "invalid_encoding" ? QuarantineReasons.InvalidEncoding : QuarantineReasons.BadCsv);
            }

            if (header!.Columns.Count == 0)
            {
                return new Outcome(QuarantineReasons.BadCsv, Detail: QuarantineReasons.Expected(QuarantineReasons.BadCsv) + "; the header is not readable");
            }

            if (header.Duplicate is { } duplicate)
            {
                var reason = QuarantineReasons.DuplicateKey(duplicate);
                return new Outcome(reason, Detail: QuarantineReasons.Expected(reason) + "; the header names it twice");
            }

            if (batch.CsvCells.Count != header.Columns.Count)
            {
                return new Outcome(QuarantineReasons.ColumnCount, Detail: string.Create(CultureInfo.InvariantCulture,
                    $"{QuarantineReasons.Expected(QuarantineReasons.ColumnCount)}; the header has {header.Columns.Count}, the row {batch.CsvCells.Count}"));
            }

            fields.LoadCsv(header.Columns, batch.CsvCells);
        }
        else
        {
            if (landingEncoding == LandingEncoding.Gb18030)
            {
                var text = TextDecoding.TryDecode(TextDecoding.Gb18030, memory.Span);
                if (text is null)
                {
                    return Plain(QuarantineReasons.InvalidEncoding);
                }

                memory = System.Text.Encoding.UTF8.GetBytes(text);
            }
            else if (!System.Text.Unicode.Utf8.IsValid(memory.Span))
            {
                return Plain(QuarantineReasons.InvalidEncoding);
            }

            if (!fields.LoadJson(memory))
            {
                return Plain(QuarantineReasons.InvalidJson);
            }

            if (fields.DuplicateField >= 0)
            {
                var reason = QuarantineReasons.DuplicateKey(LandingField.Names[fields.DuplicateField]);
                return new Outcome(reason, Detail: QuarantineReasons.Expected(reason) + "; the row names it twice");
            }
        }

        var invalid = _validator.Validate(fields, batch.Values, i, out var dt);
        return new Outcome(invalid, dt, invalid is null ? null : QuarantineDetail.For(invalid, fields, _schema.Feed));
    }

    /// <summary>The text from a little before its first non-ASCII character, where the bytes went wrong.</summary>
    private static string NearFirstNonAscii(string text)
    {
        var i = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        return i <= 20 ? text : "…" + text[(i - 20)..];
    }

    private static Outcome Plain(string reason) => new(reason, Detail: QuarantineReasons.Expected(reason));

    /// <summary>A stable 64-bit hash of a raw line (the first 8 bytes of its SHA-256): the quarantine's memory across runs.</summary>
    private static long LineHash(ReadOnlySpan<byte> raw)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(raw, digest);
        return BitConverter.ToInt64(digest);
    }

    private static CsvHeader? ReadHeader(ReadOnlySpan<byte> record, System.Text.Encoding encoding)
    {
        var names = new List<string>();
        if (!CsvSplitter.TrySplit(record, encoding, names, out _))
        {
            return null;
        }

        var header = new Dictionary<string, int>(StringComparer.Ordinal);
        string? duplicate = null;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().ToLowerInvariant();
            if (!header.TryAdd(name, i) && duplicate is null && Array.IndexOf(LandingField.Names, name) >= 0)
            {
                duplicate = name;
            }
        }

        return new CsvHeader(header, duplicate);
    }

    /// <summary>A CSV file's columns by lower-case name (empty when the header is unreadable) and a contract column it names twice.</summary>
    private sealed record CsvHeader(Dictionary<string, int> Columns, string? Duplicate);

    private static bool IsBlank(ReadOnlySpan<byte> span) => span.Trim(" \t\r"u8).IsEmpty;

    /// <summary>The result of checking one record: a reason (null when valid; the values are in the batch) and the business day.</summary>
    private readonly record struct Outcome(string? Reason, DateOnly? Dt = null, string? Detail = null);

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

        /// <summary>The batch's place in the file: batches are counted and quarantined in this order.</summary>
        public long Seq { get; set; }

        /// <summary>The CSV file's header as it was when the batch was filled (null for JSON).</summary>
        public CsvHeader? Header { get; set; }

        public int Count => _ranges.Count;

        public int Bytes => _bytes.WrittenCount;

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
