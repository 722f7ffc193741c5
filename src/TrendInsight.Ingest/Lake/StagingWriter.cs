using DuckDB.NET.Data;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Lake;

/// <summary>
/// Where the read workers put valid rows: one appender a worker, each on its own connection and
/// transaction, all appending to the staging table of one feed. DuckDB appends from several connections to
/// one table without conflicts; the rows become visible together when <see cref="Complete"/> commits.
/// </summary>
internal sealed class StagingWriter : IDisposable
{
    private readonly List<DuckDBConnection> _connections = [];
    private readonly List<ChunkAppender> _appenders = [];
    private bool _completed;

    public StagingWriter(DuckDbDatabase db, int workers)
    {
        try
        {
            for (var i = 0; i < workers; i++)
            {
                var connection = db.Connect();
                _connections.Add(connection);
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

            connection.Dispose();
        }
    }
}
