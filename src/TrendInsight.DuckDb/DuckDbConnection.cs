using TrendInsight.DuckDb.Native;

namespace TrendInsight.DuckDb;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>. Not thread-safe: use one connection per thread
/// (open as many as needed; they share the database's cache and see each other's commits). Its
/// readers, prepared statements and appenders belong to the same thread.
/// </summary>
public sealed class DuckDbConnection : IDisposable
{
    private readonly ConnectionHandle handle;

    internal DuckDbConnection(ConnectionHandle handle)
    {
        this.handle = handle;
    }

    /// <summary>
    /// Runs SQL: without parameters it may hold several statements separated by <c>;</c>; with
    /// parameters it is one statement.
    /// </summary>
    /// <exception cref="DuckDbException">DuckDB rejected or failed the statement.</exception>
    public void Execute(string sql, params object?[] parameters) => ExecuteNonQuery(sql, parameters);

    /// <summary>Runs SQL and returns the number of rows the (last) statement changed.</summary>
    /// <exception cref="DuckDbException">DuckDB rejected or failed the statement.</exception>
    public long ExecuteNonQuery(string sql, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        parameters = ParameterBinder.Normalize(parameters);
        if (parameters.Length > 0)
        {
            using var statement = Prepare(sql);
            return statement.ExecuteNonQuery(parameters);
        }

        using var result = new ResultHandle();
        if (NativeMethods.duckdb_query(Live(), sql, result) != DuckDbState.Success)
        {
            throw DuckDbErrors.FromResult(result, sql);
        }

        return (long)NativeMethods.duckdb_rows_changed(result);
    }

    /// <summary>
    /// The first column of the first row, converted to <typeparamref name="T"/> (long from any integer
    /// type, double from any number …). No row or NULL gives null for a nullable or reference
    /// <typeparamref name="T"/> and throws for a non-nullable value type.
    /// </summary>
    public T Scalar<T>(string sql, params object?[] parameters)
    {
        using var reader = ExecuteReader(sql, parameters);
        return ReadScalar<T>(reader, sql);
    }

    /// <summary>Runs a query and maps every row with <paramref name="map"/>.</summary>
    public IReadOnlyList<T> Query<T>(string sql, Func<DuckDbDataReader, T> map, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var reader = ExecuteReader(sql, parameters);
        return ReadAll(reader, map);
    }

    /// <summary>Runs one statement and streams its result chunk by chunk.</summary>
    public DuckDbDataReader ExecuteReader(string sql, params object?[] parameters)
    {
        var statement = PrepareHandle(sql);
        try
        {
            return StreamPrepared(statement, parameters, sql, ownsStatement: true);
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    /// <summary>Parses and plans one statement for repeated runs.</summary>
    public DuckDbPreparedStatement Prepare(string sql) => new(PrepareHandle(sql), sql);

    /// <summary>
    /// A bulk appender into <paramref name="table"/> that fills DuckDB data chunks directly. Values
    /// are appended in the table's column order.
    /// </summary>
    public DuckDbAppender CreateAppender(string table, string? schema = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        return new DuckDbAppender(Live(), table, schema);
    }

    /// <summary>
    /// Registers the table function <paramref name="function"/>() with the columns of <paramref name="shapeTable"/>
    /// (an empty table that only gives their types) named <paramref name="names"/>, fed by the returned
    /// stream's appender from another thread while a query of this connection reads it.
    /// </summary>
    /// <param name="function">The table function's name (unique in the database).</param>
    /// <param name="shapeTable">A table with the stream's column types, in order.</param>
    /// <param name="names">The result column names, one per column of the shape table.</param>
    /// <param name="capacity">Full chunks (2,048 rows each) that may wait for the query.</param>
    public DuckDbRowStream CreateRowStream(string function, string shapeTable, IReadOnlyList<string> names, int capacity = 8)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        ArgumentException.ThrowIfNullOrEmpty(shapeTable);
        ArgumentNullException.ThrowIfNull(names);
        return new DuckDbRowStream(Live(), function, shapeTable, names, capacity);
    }

    /// <summary>
    /// DuckDB's worker threads (<c>SET threads</c>). The setting belongs to the database, not to this
    /// connection: a change holds for every connection until it is set again.
    /// </summary>
    public long Threads
    {
        get => Scalar<long>("SELECT current_setting('threads')::BIGINT");
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Execute(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"SET threads = {value}"));
        }
    }

    /// <summary>Asks the running query of this connection to stop (callable from another thread).</summary>
    public void Interrupt() => NativeMethods.duckdb_interrupt(Live());

    public void Dispose() => handle.Dispose();

    internal static DuckDbDataReader StreamPrepared(PreparedStatementHandle statement, object?[] parameters, string sql, bool ownsStatement)
    {
        ParameterBinder.Bind(statement, parameters, sql);
        if (NativeMethods.duckdb_pending_prepared_streaming(statement, out var pending) != DuckDbState.Success)
        {
            var message = NativeMethods.PtrToString(NativeMethods.duckdb_pending_error(pending))
                ?? NativeMethods.PtrToString(NativeMethods.duckdb_prepare_error(statement));
            NativeMethods.duckdb_destroy_pending(ref pending);
            throw DuckDbErrors.FromMessage(message, sql, "DuckDB could not start the query");
        }

        var result = new ResultHandle();
        try
        {
            var state = NativeMethods.duckdb_execute_pending(pending, result);
            if (state != DuckDbState.Success)
            {
                throw DuckDbErrors.FromResult(result, sql);
            }
        }
        catch
        {
            result.Dispose();
            throw;
        }
        finally
        {
            NativeMethods.duckdb_destroy_pending(ref pending);
        }

        return new DuckDbDataReader(result, ownsStatement ? statement : null, sql);
    }

    internal static T ReadScalar<T>(DuckDbDataReader reader, string sql)
    {
        if (!reader.Read())
        {
            if (default(T) is null)
            {
                return default!;
            }

            throw new DuckDbException(
                $"The query returned no rows, so there is no {typeof(T).Name} to return; use {typeof(T).Name}? to allow that",
                DuckDbErrorType.InvalidInput, sql);
        }

        return reader.GetFieldValue<T>(0);
    }

    internal static List<T> ReadAll<T>(DuckDbDataReader reader, Func<DuckDbDataReader, T> map)
    {
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private PreparedStatementHandle PrepareHandle(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (NativeMethods.duckdb_prepare(Live(), sql, out var statement) != DuckDbState.Success)
        {
            try
            {
                throw DuckDbErrors.FromMessage(
                    NativeMethods.PtrToString(NativeMethods.duckdb_prepare_error(statement)), sql, "DuckDB could not prepare the statement");
            }
            finally
            {
                statement.Dispose();
            }
        }

        return statement;
    }

    private ConnectionHandle Live()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        return handle;
    }
}
