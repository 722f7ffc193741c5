using TrendInsight.DuckDb.Native;

namespace TrendInsight.DuckDb;

/// <summary>
/// Reads a result row by row while DuckDB streams it in data chunks (2,048 rows each); values are
/// read straight from the chunk's vectors. Getters take the zero-based column ordinal. Belongs to the
/// thread of its connection; running another statement on the same connection while it is open
/// closes it.
/// </summary>
public sealed unsafe class DuckDbDataReader : IDisposable
{
    private readonly ResultHandle result;
    private readonly PreparedStatementHandle? ownedStatement;
    private readonly string? statement;
    private readonly ColumnVector[] columns;
    private DataChunkHandle? chunk;
    private ulong chunkSize;
    private ulong row;
    private bool started;
    private bool finished;

    internal DuckDbDataReader(ResultHandle result, PreparedStatementHandle? ownedStatement, string? statement)
    {
        this.result = result;
        this.ownedStatement = ownedStatement;
        this.statement = statement;
        var count = (int)NativeMethods.duckdb_column_count(result);
        columns = new ColumnVector[count];
        for (var i = 0; i < count; i++)
        {
            var name = NativeMethods.PtrToString(NativeMethods.duckdb_column_name(result, (ulong)i)) ?? $"column{i}";
            var type = NativeMethods.duckdb_column_logical_type(result, (ulong)i);
            try
            {
                columns[i] = ColumnVector.Create(name, type);
            }
            finally
            {
                NativeMethods.duckdb_destroy_logical_type(ref type);
            }
        }
    }

    /// <summary>Number of columns.</summary>
    public int FieldCount => columns.Length;

    /// <summary>Moves to the next row; false when there are no more.</summary>
    /// <exception cref="DuckDbException">The query failed while it was running.</exception>
    public bool Read()
    {
        ObjectDisposedException.ThrowIf(result.IsClosed, this);
        if (finished)
        {
            return false;
        }

        if (started && ++row < chunkSize)
        {
            return true;
        }

        started = true;
        while (true)
        {
            chunk?.Dispose();
            chunk = null;
            var next = NativeMethods.duckdb_fetch_chunk(result.Value);
            if (next == IntPtr.Zero)
            {
                finished = true;
                if (NativeMethods.duckdb_result_error(result) != IntPtr.Zero)
                {
                    throw DuckDbErrors.FromResult(result, statement);
                }

                return false;
            }

            chunk = new DataChunkHandle(next);
            chunkSize = NativeMethods.duckdb_data_chunk_get_size(next);
            if (chunkSize == 0)
            {
                continue;
            }

            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Bind(NativeMethods.duckdb_data_chunk_get_vector(next, (ulong)i));
            }

            row = 0;
            return true;
        }
    }

    /// <summary>The column's name.</summary>
    public string GetName(int ordinal) => Column(ordinal).Name;

    /// <summary>The ordinal of the column with this name (exact match first, then ignoring case).</summary>
    public int GetOrdinal(string name)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < columns.Length; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new DuckDbException($"The result has no column named '{name}'", DuckDbErrorType.Binder, statement);
    }

    /// <summary>The column's DuckDB type.</summary>
    public DuckDbType GetColumnType(int ordinal) => Column(ordinal).Type;

    /// <summary>True when the value in the current row is SQL NULL.</summary>
    public bool IsNull(int ordinal) => Current(ordinal).IsNull(row);

    public bool GetBoolean(int ordinal) => NotNull(ordinal).GetBoolean(row);

    public int GetInt32(int ordinal) => NotNull(ordinal).GetInt32(row);

    /// <summary>Any integer column, HUGEINT where the value fits, DECIMAL with scale 0.</summary>
    public long GetInt64(int ordinal) => NotNull(ordinal).GetInt64(row);

    /// <summary>FLOAT, DOUBLE, DECIMAL or any integer column.</summary>
    public double GetDouble(int ordinal) => NotNull(ordinal).GetDouble(row);

    /// <summary>DECIMAL (every internal width), integer or floating-point columns.</summary>
    public decimal GetDecimal(int ordinal) => NotNull(ordinal).GetDecimal(row);

    /// <summary>VARCHAR or ENUM.</summary>
    public string GetString(int ordinal) => NotNull(ordinal).GetString(row);

    public byte[] GetBlob(int ordinal) => NotNull(ordinal).GetBlob(row);

    /// <summary>DATE (or the date part of a TIMESTAMP).</summary>
    public DateOnly GetDate(int ordinal) => NotNull(ordinal).GetDate(row);

    /// <summary>TIMESTAMP as wall-clock time (Kind Unspecified); TIMESTAMPTZ as UTC.</summary>
    public DateTime GetDateTime(int ordinal) => NotNull(ordinal).GetDateTime(row);

    /// <summary>TIMESTAMPTZ, with offset zero.</summary>
    public DateTimeOffset GetDateTimeOffset(int ordinal) => NotNull(ordinal).GetDateTimeOffset(row);

    public TimeOnly GetTime(int ordinal) => NotNull(ordinal).GetTime(row);

    public Guid GetGuid(int ordinal) => NotNull(ordinal).GetGuid(row);

    /// <summary>LIST of VARCHAR; elements may be null.</summary>
    public string?[] GetStringList(int ordinal) => NotNull(ordinal).GetStringList(row);

    /// <summary>
    /// The value as its natural CLR type, boxed (long for BIGINT, int for INTEGER, Int128 for HUGEINT,
    /// decimal, string, DateOnly, DateTime for TIMESTAMP, DateTimeOffset for TIMESTAMPTZ, string?[] for
    /// LIST of VARCHAR, object?[] for other lists …); null for SQL NULL.
    /// </summary>
    public object? GetValue(int ordinal) => Current(ordinal).GetValue(row);

    /// <summary>
    /// The value converted to <typeparamref name="T"/>; a nullable <typeparamref name="T"/> (or a
    /// reference type) gives null for SQL NULL, a non-nullable value type throws.
    /// </summary>
    public T GetFieldValue<T>(int ordinal)
    {
        var column = Current(ordinal);
        if (column.IsNull(row))
        {
            if (default(T) is null)
            {
                return default!;
            }

            throw new DuckDbException(
                $"Column '{column.Name}' is NULL; read it as {typeof(T).Name}? or check IsNull first", DuckDbErrorType.Conversion, statement);
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object value = target switch
        {
            _ when target == typeof(long) => column.GetInt64(row),
            _ when target == typeof(int) => column.GetInt32(row),
            _ when target == typeof(double) => column.GetDouble(row),
            _ when target == typeof(decimal) => column.GetDecimal(row),
            _ when target == typeof(bool) => column.GetBoolean(row),
            _ when target == typeof(string) => column.GetString(row),
            _ when target == typeof(DateOnly) => column.GetDate(row),
            _ when target == typeof(DateTime) => column.GetDateTime(row),
            _ when target == typeof(DateTimeOffset) => column.GetDateTimeOffset(row),
            _ when target == typeof(TimeOnly) => column.GetTime(row),
            _ when target == typeof(Guid) => column.GetGuid(row),
            _ when target == typeof(string[]) || target == typeof(string?[]) || target == typeof(IReadOnlyList<string?>)
                || target == typeof(IReadOnlyList<string>) => column.GetStringList(row),
            _ when target == typeof(byte[]) => column.GetBlob(row),
            _ => column.GetValue(row)!,
        };

        if (value is T typed)
        {
            return typed;
        }

        throw new DuckDbException(
            $"Column '{column.Name}' ({column.Type}) cannot be read as {typeof(T).Name}", DuckDbErrorType.MismatchType, statement);
    }

    public void Dispose()
    {
        chunk?.Dispose();
        chunk = null;
        result.Dispose();
        ownedStatement?.Dispose();
    }

    private ColumnVector Column(int ordinal)
    {
        if ((uint)ordinal >= (uint)columns.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"The result has {columns.Length} columns");
        }

        return columns[ordinal];
    }

    private ColumnVector Current(int ordinal)
    {
        if (chunk is null)
        {
            throw new InvalidOperationException(started ? "No more rows: Read() returned false" : "Call Read() before reading values");
        }

        return Column(ordinal);
    }

    private ColumnVector NotNull(int ordinal)
    {
        var column = Current(ordinal);
        if (column.IsNull(row))
        {
            throw new DuckDbException(
                $"Column '{column.Name}' is NULL in this row; check IsNull first", DuckDbErrorType.Conversion, statement);
        }

        return column;
    }
}
