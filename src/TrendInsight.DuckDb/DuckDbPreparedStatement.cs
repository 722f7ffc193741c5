using TrendInsight.DuckDb.Native;

namespace TrendInsight.DuckDb;

/// <summary>
/// A statement parsed and planned once, run many times with different parameter values
/// (positional: <c>$1</c>, <c>$2</c> … or <c>?</c>). Belongs to the thread of its connection.
/// </summary>
public sealed class DuckDbPreparedStatement : IDisposable
{
    private readonly PreparedStatementHandle handle;

    internal DuckDbPreparedStatement(PreparedStatementHandle handle, string sql)
    {
        this.handle = handle;
        Sql = sql;
    }

    /// <summary>The SQL text.</summary>
    public string Sql { get; }

    /// <summary>Number of parameters the statement takes.</summary>
    public int ParameterCount => (int)NativeMethods.duckdb_nparams(Live());

    /// <summary>What kind of statement this is (SELECT, COPY, ATTACH …), as DuckDB's parser sees it.</summary>
    public DuckDbStatementType StatementType => (DuckDbStatementType)NativeMethods.duckdb_prepared_statement_type(Live());

    /// <summary>Binds the values and runs the statement; returns the rows changed (0 for queries).</summary>
    public long ExecuteNonQuery(params object?[] parameters)
    {
        using var result = Execute(parameters);
        return (long)NativeMethods.duckdb_rows_changed(result);
    }

    /// <summary>Binds the values and streams the result.</summary>
    public DuckDbDataReader ExecuteReader(params object?[] parameters) =>
        DuckDbConnection.StreamPrepared(Live(), parameters, Sql, ownsStatement: false);

    /// <summary>The first column of the first row, converted as <see cref="DuckDbDataReader.GetFieldValue{T}"/> does.</summary>
    public T Scalar<T>(params object?[] parameters)
    {
        using var reader = ExecuteReader(parameters);
        return DuckDbConnection.ReadScalar<T>(reader, Sql);
    }

    /// <summary>Binds the values, runs the query and maps every row.</summary>
    public IReadOnlyList<T> Query<T>(Func<DuckDbDataReader, T> map, params object?[] parameters)
    {
        using var reader = ExecuteReader(parameters);
        return DuckDbConnection.ReadAll(reader, map);
    }

    public void Dispose() => handle.Dispose();

    internal ResultHandle Execute(object?[] parameters)
    {
        var statement = Live();
        ParameterBinder.Bind(statement, parameters, Sql);
        var result = new ResultHandle();
        if (NativeMethods.duckdb_execute_prepared(statement, result) != DuckDbState.Success)
        {
            try
            {
                throw DuckDbErrors.FromResult(result, Sql);
            }
            finally
            {
                result.Dispose();
            }
        }

        return result;
    }

    private PreparedStatementHandle Live()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        return handle;
    }
}
