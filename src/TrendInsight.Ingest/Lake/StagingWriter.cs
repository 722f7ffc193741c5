using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Lake;

/// <summary>
/// Where the read workers put valid rows: one appender a worker, all feeding the staging table of one feed.
/// The appenders hand full chunks to a table function that <c>INSERT INTO staging SELECT * FROM …()</c>
/// reads on its own connection and thread, so a chunk is written into the table once, without the
/// appender's own buffer collection in between.
/// </summary>
internal sealed class StagingWriter : IDisposable
{
    private readonly DuckDbConnection _insertConnection;
    private readonly DuckDbRowStream _stream;
    private readonly Task _inserting;
    private readonly long _threads;
    private bool _completed;

    public StagingWriter(DuckDbDatabase db, FeedSchema schema, int workers)
    {
        _insertConnection = db.Connect();
        try
        {
            // DuckDB's worker threads would spin while the table function waits for rows; the insert is one
            // sequential copy anyway. The setting is the database's: restored when staging is done.
            _threads = _insertConnection.Threads;
            _insertConnection.Threads = 1;
            _stream = _insertConnection.CreateRowStream("staged_" + schema.Feed, "staging", schema.StagingColumns, capacity: 4 * workers);
            Appenders = [_stream.Appender, .. Enumerable.Range(1, workers - 1).Select(_ => _stream.CreateWriter())];
            _inserting = Task.Run(() => _insertConnection.Execute($"INSERT INTO staging SELECT * FROM {_stream.Function}()"));

            // A failed insert must not leave a producer blocked on a full stream.
            _inserting.ContinueWith(_ => _stream.Abort(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch
        {
            _stream?.Dispose();
            _insertConnection.Dispose();
            throw;
        }
    }

    /// <summary>One appender a worker; each is used by one thread at a time.</summary>
    public IReadOnlyList<DuckDbAppender> Appenders { get; }

    /// <summary>Every row is appended: waits until the staging table holds them all.</summary>
    public void Complete()
    {
        _stream.Complete();
        _inserting.GetAwaiter().GetResult();
        _completed = true;
        RestoreThreads();
    }

    public void Dispose()
    {
        if (!_completed)
        {
            _stream.Fail("ingest stopped before all rows were staged");
            _stream.Abort();
            try
            {
                _inserting.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The insert fails by design here; the caller's own exception is what counts.
            }

            RestoreThreads();
        }

        _stream.Dispose();
        _insertConnection.Dispose();
    }

    private void RestoreThreads() => _insertConnection.Threads = _threads;
}
