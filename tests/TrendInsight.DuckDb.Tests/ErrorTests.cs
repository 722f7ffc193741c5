namespace TrendInsight.DuckDb.Tests;

public sealed class ErrorTests(InMemoryDatabaseFixture fixture) : IClassFixture<InMemoryDatabaseFixture>
{
    [Fact]
    public void Open_MissingDirectory_ThrowsIO()
    {
        var path = Path.Combine(Path.GetTempPath(), "ti-missing-" + Guid.NewGuid().ToString("N"), "sub", "warehouse.duckdb");
        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(path));
        Assert.Equal(DuckDbErrorType.IO, error.ErrorType);
        Assert.Contains("warehouse.duckdb", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void Execute_SyntaxError_ThrowsParser()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.Throws<DuckDbException>(() => conn.Execute("SELEC 1"));
        Assert.Equal(DuckDbErrorType.Parser, error.ErrorType);
        Assert.StartsWith("Parser Error", error.Message, StringComparison.Ordinal);
        Assert.Contains("SELEC", error.Message, StringComparison.Ordinal);
        Assert.Equal("SELEC 1", error.Statement);
    }

    [Fact]
    public void ExecuteReader_SyntaxError_ThrowsParser()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.Throws<DuckDbException>(() => conn.ExecuteReader("SELECT FROM WHERE"));
        Assert.Equal(DuckDbErrorType.Parser, error.ErrorType);
    }

    [Fact]
    public void Scalar_MissingTable_ThrowsCatalog()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.Throws<DuckDbException>(() => conn.Scalar<long>("SELECT count(*) FROM trends_missing"));
        Assert.Equal(DuckDbErrorType.Catalog, error.ErrorType);
        Assert.Contains("trends_missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_MissingTable_ThrowsCatalog()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.Throws<DuckDbException>(() => conn.Execute("DELETE FROM trends_missing"));
        Assert.Equal(DuckDbErrorType.Catalog, error.ErrorType);
    }

    [Fact]
    public void Scalar_MissingColumn_ThrowsBinder()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.Throws<DuckDbException>(() => conn.Scalar<long>("SELECT nope FROM range(1)"));
        Assert.Equal(DuckDbErrorType.Binder, error.ErrorType);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_ReadParquetOfMissingFile_ThrowsIO()
    {
        using var conn = fixture.Database.Connect();
        var path = Path.Combine(Path.GetTempPath(), "ti-no-such-" + Guid.NewGuid().ToString("N") + ".parquet");
        var error = Assert.Throws<DuckDbException>(() => conn.Scalar<long>("SELECT count(*) FROM read_parquet($path)", ("path", path)));
        Assert.Equal(DuckDbErrorType.IO, error.ErrorType);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar_BadCast_ThrowsConversion()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.Throws<DuckDbException>(() => conn.Scalar<int>("SELECT '国风'::INTEGER"));
        Assert.Equal(DuckDbErrorType.Conversion, error.ErrorType);
        Assert.Contains("国风", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ErrorWhileRunning_ThrowsConversion()
    {
        using var conn = fixture.Database.Connect();

        // DuckDB may fail while starting the stream or on a later chunk; either way it is a DuckDbException.
        var error = Assert.Throws<DuckDbException>(() =>
        {
            using var reader = conn.ExecuteReader(
                "SELECT CASE WHEN i < 100000 THEN i::VARCHAR ELSE '第' || i END::BIGINT FROM range(200000) t(i)");
            while (reader.Read())
            {
            }
        });
        Assert.Equal(DuckDbErrorType.Conversion, error.ErrorType);
    }

    [Fact]
    public void Execute_ConstraintViolation_ThrowsConstraint()
    {
        using var conn = fixture.Database.Connect();
        conn.Execute("CREATE TABLE err_pk (id VARCHAR PRIMARY KEY, n INTEGER NOT NULL)");
        conn.Execute("INSERT INTO err_pk VALUES ('evt-1', 1)");
        var duplicate = Assert.Throws<DuckDbException>(() => conn.Execute("INSERT INTO err_pk VALUES ('evt-1', 2)"));
        Assert.Equal(DuckDbErrorType.Constraint, duplicate.ErrorType);
        Assert.Contains("evt-1", duplicate.Message, StringComparison.Ordinal);
        var notNull = Assert.Throws<DuckDbException>(() => conn.ExecuteNonQuery("INSERT INTO err_pk VALUES ($id, $n)", ("id", "evt-2"), ("n", null)));
        Assert.Equal(DuckDbErrorType.Constraint, notNull.ErrorType);
        Assert.Contains("NOT NULL", notNull.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_SeveralStatements_RunsAllAndReportsFailingOne()
    {
        using var conn = fixture.Database.Connect();
        conn.Execute("CREATE TABLE multi_a (x INTEGER); INSERT INTO multi_a VALUES (1), (2); CREATE TABLE multi_b AS SELECT * FROM multi_a");
        Assert.Equal(2L, conn.Scalar<long>("SELECT count(*) FROM multi_b"));
        var error = Assert.Throws<DuckDbException>(() => conn.Execute("INSERT INTO multi_a VALUES (3); SELECT * FROM multi_missing"));
        Assert.Equal(DuckDbErrorType.Catalog, error.ErrorType);
        Assert.Equal(3L, conn.Scalar<long>("SELECT count(*) FROM multi_a"));
    }

    [Fact]
    public void Scalar_DivisionByZeroInteger_ReturnsNullNotCrash()
    {
        using var conn = fixture.Database.Connect();
        Assert.Null(conn.Scalar<long?>("SELECT 1 // 0"));
    }

    [Fact]
    public void DuckDbException_IsTrendInsightException()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.ThrowsAny<TrendInsight.Core.TrendInsightException>(() => conn.Execute("SELEC"));
        Assert.IsType<DuckDbException>(error);
    }

    [Fact]
    public void DuckDbException_LockConflict_IsTransient()
    {
        var locked = new DuckDbException(
            "IO Error: Could not set lock on file \"/data/warehouse.duckdb\": Conflicting lock is held in /usr/bin/dotnet (PID 42)",
            DuckDbErrorType.IO);
        Assert.True(locked.IsTransient);
        Assert.True(new DuckDbException("TransactionContext Error: Catalog write-write conflict", DuckDbErrorType.Transaction).IsTransient);
        Assert.False(new DuckDbException("IO Error: No files found that match the pattern", DuckDbErrorType.IO).IsTransient);
    }
}
