using DuckDB.NET.Data;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Analysis;

/// <summary>
/// Builds <c>lake/terms/dt=…</c> and the per-day marts (<c>term_daily</c>, <c>segment_daily</c>,
/// <c>source_daily</c>) of one day: reads the raw partitions, segments in parallel, appends the rows with
/// the DuckDB appender, writes Parquet under a temporary name and renames it. A day whose raw input
/// (the committed files' names, sizes and SHA-256 checksums: content, not place or time, so a copied data
/// folder is not segmented again) and settings are unchanged since the last build is skipped.
/// </summary>
internal sealed class TermBuilder
{
    /// <summary>Documents segmented per parallel batch.</summary>
    public const int DefaultBatchSize = 20_000;

    /// <summary>Content published this many days before a day can still carry its engagement.</summary>
    private const int ContentLookbackDays = 90;

    private readonly DuckDBConnection _conn;

    // Raw rows stream through a connection of their own: appending on the connection that holds an
    // open streaming result would close that result.
    private readonly DuckDBConnection _reader;
    private readonly SqlModels _sql;
    private readonly Lazy<TermExtractor> _extractor;
    private readonly DataLayout _layout;
    private readonly CommittedLake _committed;
    private readonly int _threads;
    private readonly string _settingsStamp;
    private readonly ILogger _log;
    private readonly int _batchSize;

    /// <summary>Terms of texts already cut today: simulated and real feeds repeat texts a lot.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string?, bool), string[]> _memo = new();
    private const int MemoLimit = 500_000;

    /// <summary>The day's documents grouped by their set of terms (<c>doc_sets</c>).</summary>
    private readonly DocSetRollup _rollup = new();

    public TermBuilder(DuckDBConnection conn, DuckDBConnection reader, SqlModels sql, Lazy<TermExtractor> extractor, DataLayout layout, CommittedLake committed,
        int threads, string settingsStamp, ILogger log, int batchSize = DefaultBatchSize)
    {
        _committed = committed;
        _batchSize = batchSize;
        _conn = conn;
        _reader = reader;
        _sql = sql;
        _extractor = extractor;
        _layout = layout;
        _threads = threads;
        _settingsStamp = settingsStamp;
        _log = log;
    }

    /// <summary>Wall time spent cutting text into terms (the parallel segmentation alone, no reading or appending), over every day built.</summary>
    public TimeSpan SegmentationTime { get; private set; }

    /// <summary>Rows appended by the last <see cref="BuildDay"/>.</summary>
    public long LastRows { get; private set; }

    /// <summary>The fingerprint of a day's raw input and the settings that shape its terms.</summary>
    public string Fingerprint(DateOnly dt)
    {
        var sb = new StringBuilder();
        sb.Append(_settingsStamp).Append('\n');
        foreach (var feed in Feeds.All)
        {
            foreach (var file in _committed.PartitionFiles(feed, dt).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                // Files committed before checksums were kept are hashed here.
                var sha = file.Sha256 ?? Checksum(CommittedLake.FullPath(_layout, file));
                sb.Append(feed).Append('/').Append(Path.GetFileName(file.Path)).Append(' ')
                    .Append(file.Rows.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(sha).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Checksum(string path) => File.Exists(path) ? FileChecksum.Sha256(path) : "missing";

    /// <summary>Whether the day's terms and per-day marts are missing or older than its raw input.</summary>
    public bool NeedsBuild(DateOnly dt)
    {
        var stamp = StampFile(dt);
        return !File.Exists(stamp)
            || !string.Equals(File.ReadAllText(stamp), Fingerprint(dt), StringComparison.Ordinal)
            || LakeFiles.Partition(_layout.Terms, dt).Length == 0
            || LakeFiles.Partition(Path.Combine(_layout.Marts, "term_daily"), dt).Length == 0;
    }

    /// <summary>The layout of the <c>doc_sets</c> rollup; a day whose rollup was written in another one gets it again from its terms.</summary>
    private const string RollupVersion = "doc_sets 2";

    /// <summary>Whether the day's <c>doc_sets</c> rollup is missing or of another layout (terms written before it existed).</summary>
    public bool NeedsRollup(DateOnly dt) =>
        !File.Exists(RollupStampFile(dt))
        || !string.Equals(File.ReadAllText(RollupStampFile(dt)), RollupVersion, StringComparison.Ordinal)
        || RollupMarts.Any(m => LakeFiles.Partition(Path.Combine(_layout.Marts, m), dt).Length == 0);

    /// <summary>Writes the <c>doc_sets</c> rollup of a day from its terms partition, without segmenting again.</summary>
    public void BuildRollup(DateOnly dt)
    {
        _conn.Execute(_sql.LoadStatement("reset_day"));
        _conn.ExecuteNonQuery(_sql.LoadStatement("terms_day"), ("files", LakeFiles.Partition(_layout.Terms, dt)));
        _rollup.Clear();
        AddDocs(source: null);
        WriteRollup(dt);
    }

    /// <summary>The per-day rollups of <see cref="DocSetRollup"/>, written next to the terms partition.</summary>
    public static IReadOnlyList<string> RollupMarts { get; } = ["doc_sets", "doc_set_segments", "doc_set_items"];

    /// <summary>(Re)builds one day.</summary>
    public void BuildDay(DateOnly dt, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(dt);
        _memo.Clear();
        _rollup.Clear();
        _conn.Execute(_sql.LoadStatement("reset_day"));
        long rows = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name)
        {
            Log.TermsPhase(_log, dt, name, watch.ElapsedMilliseconds);
            watch.Restart();
        }

        using (var appender = _conn.CreateAppender("terms_day"))
        {
            rows += Segment(appender, "search", Feeds.Search, dt, "raw_search", searchMode: true, ReadSearch, cancellationToken);
            rows += Segment(appender, "comment", Feeds.Comments, dt, "raw_comments_day", searchMode: false, ReadComment, cancellationToken);
            rows += Segment(appender, "content", Feeds.Content, dt, "raw_content_day", searchMode: false, ReadContent, cancellationToken);
            rows += Segment(appender, "product", Feeds.Products, dt, "raw_products_day", searchMode: false, ReadProduct, cancellationToken);
        }

        Phase("segmentation");
        var engagement = _committed.Partition(_layout, Feeds.Engagement, dt);
        if (engagement.Length > 0)
        {
            _conn.ExecuteNonQuery(_sql.LoadStatement("engagement_day"), ("files", engagement));
            _conn.Execute(_sql.LoadStatement("content_terms_today"));
            var earlier = LakeFiles.Partitions(_layout.Terms, dt.AddDays(-ContentLookbackDays), dt.AddDays(-1));
            if (earlier.Length > 0)
            {
                _conn.ExecuteNonQuery(_sql.LoadStatement("content_terms"), ("files", earlier));
            }

            rows += _conn.ExecuteNonQuery(_sql.Model("005_engagement_terms"));
            Phase("engagement");
            AddDocs("engagement");
            Phase("engagement document sets");
        }

        cancellationToken.ThrowIfCancellationRequested();
        ParquetOut.Write(_conn, "terms_day", _layout.Terms, dt);
        Phase("terms parquet");
        foreach (var model in _sql.Range(10, 100))
        {
            _conn.Execute(_sql.Model(model));
        }

        ParquetOut.Write(_conn, "term_daily_day", Path.Combine(_layout.Marts, "term_daily"), dt);
        ParquetOut.Write(_conn, "segment_daily_day", Path.Combine(_layout.Marts, "segment_daily"), dt);
        ParquetOut.Write(_conn, "source_daily_day", Path.Combine(_layout.Marts, "source_daily"), dt);
        Phase("per-day marts");
        WriteRollup(dt);
        Phase("doc_sets");

        var stamp = StampFile(dt);
        Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
        var tmp = stamp + ".tmp";
        File.WriteAllText(tmp, fingerprint);
        File.Move(tmp, stamp, overwrite: true);
        LastRows = rows;
        Log.TermsBuilt(_log, dt, rows);
    }

    /// <summary>Adds the documents of <c>terms_day</c> (of one source, or all) to the rollup.</summary>
    private void AddDocs(string? source)
    {
        using var reader = _reader.ExecuteReader(_sql.LoadStatement("day_docs"), ("source", source));
        while (reader.Read())
        {
            var terms = reader.GetStringList(12).Select(t => t ?? string.Empty).ToArray();
            Array.Sort(terms, StringComparer.Ordinal);
            _rollup.Add(reader.GetString(0), reader.GetString(1), Text(reader, 2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetDecimal(11), terms);
        }
    }

    private void WriteRollup(DateOnly dt)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        _rollup.AppendTo(_conn);
        Log.TermsPhase(_log, dt, "doc_sets append", watch.ElapsedMilliseconds);
        foreach (var mart in RollupMarts)
        {
            watch.Restart();
            ParquetOut.Write(_conn, mart + "_day", Path.Combine(_layout.Marts, mart), dt);
            Log.TermsPhase(_log, dt, mart + " parquet", watch.ElapsedMilliseconds);
        }

        _rollup.Clear();
        var stamp = RollupStampFile(dt);
        Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
        File.WriteAllText(stamp, RollupVersion);
    }

    private string RollupStampFile(DateOnly dt) =>
        Path.Combine(_layout.State, "terms", BusinessCalendar.Partition(dt) + ".doc_sets");

    private string StampFile(DateOnly dt) =>
        Path.Combine(_layout.State, "terms", BusinessCalendar.Partition(dt) + ".fingerprint");

    private long Segment(
        DuckDBAppender appender,
        string source,
        string feed,
        DateOnly dt,
        string statement,
        bool searchMode,
        Func<DuckDBDataReader, RawDocument> read,
        CancellationToken cancellationToken)
    {
        var files = _committed.Partition(_layout, feed, dt);
        if (files.Length == 0)
        {
            return 0;
        }

        long rows = 0;
        var batch = new List<RawDocument>(_batchSize);
        var readWatch = new System.Diagnostics.Stopwatch();
        var flushWatch = new System.Diagnostics.Stopwatch();
        readWatch.Start();
        using (var reader = _reader.ExecuteReader(_sql.LoadStatement(statement), ("files", files)))
        {
            while (reader.Read())
            {
                batch.Add(read(reader));
                if (batch.Count == _batchSize)
                {
                    readWatch.Stop();
                    flushWatch.Start();
                    rows += Flush(appender, source, searchMode, batch, cancellationToken);
                    flushWatch.Stop();
                    readWatch.Start();
                    batch.Clear();
                }
            }
        }

        readWatch.Stop();
        flushWatch.Start();
        rows += Flush(appender, source, searchMode, batch, cancellationToken);
        flushWatch.Stop();
        Log.TermsPhase(_log, dt, source + " read", readWatch.ElapsedMilliseconds);
        Log.TermsPhase(_log, dt, source + " segment+append", flushWatch.ElapsedMilliseconds);
        return rows;
    }

    private long Flush(DuckDBAppender appender, string source, bool searchMode, List<RawDocument> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var extractor = _extractor.Value;
        var terms = new string[batch.Count][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = _threads, CancellationToken = cancellationToken };
        var segmenting = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, batch.Count, options, () => new HashSet<string>(StringComparer.Ordinal), (i, _, set) =>
        {
            set.Clear();
            var doc = batch[i];
            if (doc.Tags is null && _memo.TryGetValue((doc.Text, searchMode), out var known))
            {
                terms[i] = known;
                return set;
            }

            extractor.Extract(doc.Text, searchMode, set);
            if (doc.Tags is not null)
            {
                foreach (var tag in doc.Tags)
                {
                    var t = tag?.Trim().TrimStart('#').Trim();
                    if (string.IsNullOrEmpty(t))
                    {
                        continue;
                    }

                    if (extractor.IsCounted(t))
                    {
                        set.Add(t);
                    }

                    extractor.Extract(t, searchMode: false, set);
                }
            }

            terms[i] = [.. set];
            Array.Sort(terms[i], StringComparer.Ordinal);
            if (doc.Tags is null && _memo.Count < MemoLimit)
            {
                _memo.TryAdd((doc.Text, searchMode), terms[i]);
            }

            return set;
        }, _ => { });
        SegmentationTime += segmenting.Elapsed;

        long rows = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var doc = batch[i];
            _rollup.Add(source, doc.DocId, doc.Category, doc.AgeBand, doc.Gender, doc.CityTier, doc.Mentions, 0, doc.Likes, 0, doc.Purchases, 0m, terms[i]);
            foreach (var term in terms[i])
            {
                appender.CreateRow()
                    .AppendValue(source)
                    .AppendValue(doc.DocId)
                    .AppendValue(term)
                    .AppendValue(extractor.TypeOf(term))
                    .AppendValue(doc.Category)
                    .AppendValue(doc.AgeBand)
                    .AppendValue(doc.Gender)
                    .AppendValue(doc.CityTier)
                    .AppendValue(doc.Mentions)
                    .AppendValue(0L)
                    .AppendValue(doc.Likes)
                    .AppendValue(0L)
                    .AppendValue(doc.Purchases)
                    .AppendValue(0m)
                    .EndRow();
                rows++;
            }
        }

        return rows;
    }

    private static string Segment(DuckDBDataReader r, int ordinal) =>
        r.IsNull(ordinal) ? "unknown" : r.GetString(ordinal);

    private static string? Text(DuckDBDataReader r, int ordinal) => r.IsNull(ordinal) ? null : r.GetString(ordinal);

    private static RawDocument ReadSearch(DuckDBDataReader r) =>
        new(r.GetString(0), Text(r, 1), null, r.GetInt64(2), 0, 0, null, Segment(r, 3), Segment(r, 4), Segment(r, 5));

    private static RawDocument ReadComment(DuckDBDataReader r) =>
        new(r.GetString(0), Text(r, 1), null, 1, r.GetInt64(2), 0, null, Segment(r, 3), Segment(r, 4), Segment(r, 5));

    private static RawDocument ReadContent(DuckDBDataReader r) =>
        new(r.GetString(0), Text(r, 1), r.IsNull(2) ? null : r.GetStringList(2), 1, 0, 0, Text(r, 3), "unknown", "unknown", "unknown");

    private static RawDocument ReadProduct(DuckDBDataReader r) =>
        new(r.GetString(0), Text(r, 1), null, 1, 0, r.GetInt64(2), Text(r, 3), "unknown", "unknown", "unknown");
}
