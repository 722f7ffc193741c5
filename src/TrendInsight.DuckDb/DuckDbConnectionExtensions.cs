using System.Globalization;
using DuckDB.NET.Data;

namespace TrendInsight.DuckDb;

/// <summary>
/// The project's short forms of ADO.NET commands on a <see cref="DuckDBConnection"/>: SQL with named
/// parameters (<c>$feed</c> bound by <c>("feed", value)</c>), results read by column name.
/// </summary>
public static class DuckDbConnectionExtensions
{
    extension(DuckDBConnection connection)
    {
        /// <summary>
        /// DuckDB's worker threads (<c>SET threads</c>). The setting belongs to the database, not to this
        /// connection: a change holds for every connection until it is set again.
        /// </summary>
        public long Threads
        {
            get => connection.Scalar<long>("SELECT current_setting('threads')::BIGINT");
            set
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
                connection.Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads = {value}"));
            }
        }
    }

    /// <summary>Runs SQL (one or more statements separated by <c>;</c>) with named parameters.</summary>
    /// <exception cref="DuckDbException">DuckDB rejected or failed a statement.</exception>
    public static void Execute(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        connection.ExecuteNonQuery(sql, parameters);

    /// <summary>Runs SQL and returns the number of rows the statements changed.</summary>
    /// <exception cref="DuckDbException">DuckDB rejected or failed a statement.</exception>
    public static long ExecuteNonQuery(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        try
        {
            return command.ExecuteNonQuery();
        }
        catch (DuckDBException ex)
        {
            throw DuckDbErrors.From(ex, sql);
        }
    }

    /// <summary>
    /// The first column of the first row as <typeparamref name="T"/> (long from any integer type, double
    /// from any number …). No row or NULL gives null for a nullable or reference <typeparamref name="T"/>
    /// and throws for a non-nullable value type.
    /// </summary>
    public static T Scalar<T>(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var reader = connection.ExecuteReader(sql, parameters);
        var nullable = default(T) is null;
        if (!reader.Read() || reader.IsDBNull(0))
        {
            return nullable
                ? default!
                : throw new DuckDbException($"Invalid Input Error: the query gave no value for {typeof(T).Name}", DuckDbErrorType.InvalidInput, sql);
        }

        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        try
        {
            return type == typeof(object) ? (T)reader.GetNaturalValue(0)! : (T)ReadAs(reader, 0, type);
        }
        catch (DuckDBException ex)
        {
            throw DuckDbErrors.From(ex, sql);
        }
    }

    /// <summary>Whether a table named <paramref name="table"/> exists in any database the connection has attached (a state database written by an older version may lack one).</summary>
    public static bool HasTable(this DuckDBConnection connection, string table) =>
        connection.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE table_name = $table", ("table", table)) > 0;

    /// <summary>Runs a query and maps every row with <paramref name="map"/>.</summary>
    public static IReadOnlyList<T> Query<T>(this DuckDBConnection connection, string sql, Func<DuckDBDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var reader = connection.ExecuteReader(sql, parameters);
        var rows = new List<T>();
        try
        {
            while (reader.Read())
            {
                rows.Add(map(reader));
            }
        }
        catch (DuckDBException ex)
        {
            throw DuckDbErrors.From(ex, sql);
        }

        return rows;
    }

    /// <summary>
    /// Runs SQL and streams the result of its last statement. A streaming reader is closed by the next
    /// statement on its connection; use a second connection to query while reading.
    /// </summary>
    public static DuckDBDataReader ExecuteReader(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Command(connection, sql, parameters);
        command.UseStreamingMode = true;
        try
        {
            return command.ExecuteReader();
        }
        catch (DuckDBException ex)
        {
            throw DuckDbErrors.From(ex, sql);
        }
        finally
        {
            // The reader owns the result; the command only held the text and the parameters.
            command.Dispose();
        }
    }

    /// <summary>A command of <paramref name="sql"/> with its named parameters bound.</summary>
    public static DuckDBCommand Command(this DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value switch
            {
                null => DBNull.Value,
                IEnumerable<string?> list when value is not string => list.ToList(),
                _ => value,
            }));
        }

        return command;
    }

    private static object ReadAs(DuckDBDataReader reader, int ordinal, Type type) => type switch
    {
        _ when type == typeof(long) => reader.GetValue(ordinal) is System.Numerics.BigInteger b ? (long)b : reader.GetInt64(ordinal),
        _ when type == typeof(int) => reader.GetInt32(ordinal),
        _ when type == typeof(double) => reader.GetNumber(ordinal),
        _ when type == typeof(decimal) => reader.GetValue(ordinal) switch
        {
            decimal m => m,
            System.Numerics.BigInteger b => (decimal)b,
            var other => Convert.ToDecimal(other, CultureInfo.InvariantCulture),
        },
        _ when type == typeof(bool) => reader.GetBoolean(ordinal),
        _ when type == typeof(string) => reader.GetString(ordinal),
        _ when type == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
        _ when type == typeof(DateTime) => reader.GetDateTime(ordinal),
        _ when type == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
        _ => Convert.ChangeType(reader.GetValue(ordinal), type, CultureInfo.InvariantCulture),
    };
}
