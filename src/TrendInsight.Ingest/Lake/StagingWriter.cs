using DuckDB.NET.Data;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Lake;

/// <summary>
/// Where the read workers put valid rows: one appender a worker, each on its own connection and
/// transaction, all appending to the staging table of one feed. DuckDB appends from several connections to
/// one table without conflicts; the rows become visible together when <see cref="Complete"/> commits.
/// </summary>
/// <remarks>
/// While rows are staged, DuckDB runs one thread (<c>SET threads = 1</c>); the setting is put back when staging is
/// complete or given up. An appender hands DuckDB its rows every 204,800 or so as an insert, which DuckDB runs on its
/// own threads when it has more than one: each then builds row groups of its own and merges them into the
/// transaction, a second copy of every value, while the worker waits. With one thread the insert runs on the
/// worker's thread and appends directly, and the workers keep the cores busy. On the ingest bench's 3M events
/// (2 cores) a run took 8.2-8.5 s of CPU instead of 8.8-9.6 s (the Ingest README has the bench's figures).
/// </remarks>
internal sealed class StagingWriter : IDisposable
{
    private readonly List<DuckDBConnection> _connections = [];
    private readonly List<ChunkAppender> _appenders = [];
    private long _threads;
    private bool _completed;

    public StagingWriter(DuckDbDatabase db, int workers)
    {
        try
        {
            for (var i = 0; i < workers; i++)
            {
                var connection = db.Connect();
                _connections.Add(connection);
                if (i == 0)
                {
                    _threads = connection.Threads;
                    connection.Threads = 1;
                }

                connection.Execute("BEGIN TRANSACTION");
                _appenders.Add(new ChunkAppender(connection, "staging"));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>One appender a worker; each is used by one thread at a time.</summary>
    public IReadOnlyList<ChunkAppender> Appenders => _appenders;

    /// <summary>Every row is appended: flushes every appender and commits, so the staging table holds them all.</summary>
    /// <remarks>
    /// Each appender's last rows and its connection's commit (which moves the rows into the table) are DuckDB
    /// work on one thread; the connections do it side by side.
    /// </remarks>
    public void Complete()
    {
        try
        {
            Parallel.For(0, _appenders.Count, new ParallelOptions { MaxDegreeOfParallelism = _appenders.Count }, i =>
            {
                _appenders[i].Close();
                _connections[i].Execute("COMMIT");
            });
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }

        _completed = true;
        RestoreThreads();
    }

    public void Dispose()
    {
        foreach (var appender in _appenders)
        {
            if (!_completed)
            {
                // Rows still buffered are dropped, not flushed into a transaction that is rolled back anyway.
                appender.Clear();
            }

            appender.Dispose();
        }

        foreach (var connection in _connections)
        {
            if (!_completed)
            {
                try
                {
                    connection.Execute("ROLLBACK");
                }
                catch (DuckDbException)
                {
                    // No transaction left to roll back; the caller's own exception is what counts.
                }
            }
        }

        try
        {
            RestoreThreads();
        }
        catch (DuckDbException)
        {
            // The caller's own exception is what counts.
        }

        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }

    /// <summary>Puts back DuckDB's thread count as it was before staging.</summary>
    private void RestoreThreads()
    {
        // Only set once the first connection has lowered it.
        if (_threads > 1)
        {
            _connections[0].Threads = _threads;
            _threads = 0;
        }
    }
}
