namespace TrendInsight.DuckDb.Tests;

public sealed class PreparedStatementTests(InMemoryDatabaseFixture fixture) : IClassFixture<InMemoryDatabaseFixture>
{
    public static TheoryData<object, string> Parameters() => new()
    {
        { "露營", "VARCHAR" },
        { "🏕️ 国风 citywalk <b>爆款</b>", "VARCHAR" },
        { 42L, "BIGINT" },
        { 7, "INTEGER" },
        { 2.5, "DOUBLE" },
        { true, "BOOLEAN" },
        { 12.34m, "DECIMAL(38,2)" },
        { new DateOnly(2026, 2, 29 - 1), "DATE" },
        { new DateTime(2026, 1, 2, 3, 4, 5, 678), "TIMESTAMP" },
        { new DateTimeOffset(2026, 1, 2, 11, 4, 5, TimeSpan.FromHours(8)), "TIMESTAMP WITH TIME ZONE" },
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public void Scalar_ParameterOfEachType_RoundTripsWithSqlType(object value, string sqlType)
    {
        using var conn = fixture.Database.Connect();
        Assert.Equal(sqlType, conn.Scalar<string>("SELECT typeof($1)", value));
        var back = conn.Scalar<object>("SELECT $1", value);
        var expected = value switch
        {
            DateTimeOffset dto => dto.ToUniversalTime(),
            _ => value,
        };
        Assert.Equal(expected, back);
    }

    [Fact]
    public void Scalar_NullAndListParameters_Bind()
    {
        using var conn = fixture.Database.Connect();
        Assert.True(conn.Scalar<bool>("SELECT $1 IS NULL", (object?)null));
        Assert.Equal(3L, conn.Scalar<long>("SELECT len($1)", new[] { "国风", "复古", "露营" }));
        Assert.Equal(0L, conn.Scalar<long>("SELECT len($1)", Array.Empty<string>()));
        Assert.Equal(new string?[] { string.Empty }, conn.Scalar<string?[]>("SELECT $1", (object)new[] { string.Empty }));
        Assert.Equal(0L, conn.Scalar<long>("SELECT octet_length($1)", Array.Empty<byte>()));
        Assert.Equal(2L, conn.Scalar<long>("SELECT octet_length($1)", new byte[] { 0xB9, 0xFA }));
        Assert.Equal(2L, conn.Scalar<long>("SELECT len($1) + $2", new[] { "国风", "复古" }, 0));
        Assert.Equal("VARCHAR[]", conn.Scalar<string>("SELECT typeof($1)", (object)new List<string?> { "a", null }));
        Assert.Equal(new string?[] { "a", null }, conn.Scalar<string?[]>("SELECT $1", (object)new List<string?> { "a", null }));
        Assert.Equal(1L, conn.Scalar<long>("SELECT count(*) FROM (SELECT unnest($1) AS t) WHERE t IS NULL", (object)new string?[] { "x", null }));
    }

    [Fact]
    public void ExecuteNonQuery_ReusedStatement_InsertsEachBinding()
    {
        using var conn = fixture.Database.Connect();
        conn.Execute("CREATE TABLE prepared_insert (id BIGINT, topic VARCHAR, seen_at TIMESTAMPTZ, price DECIMAL(10,2))");
        using var insert = conn.Prepare("INSERT INTO prepared_insert VALUES ($1, $2, $3, $4)");
        Assert.Equal(4, insert.ParameterCount);
        var at = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(1L, insert.ExecuteNonQuery(1L, "国风", at, 99.9m));
        Assert.Equal(1L, insert.ExecuteNonQuery(2L, "露營", at.AddDays(1), null));
        Assert.Equal(1L, insert.ExecuteNonQuery(3L, null, null, 0.01m));
        Assert.Equal(2L, conn.ExecuteNonQuery("UPDATE prepared_insert SET price = price * 2 WHERE price IS NOT NULL"));
        var rows = conn.Query("SELECT id, topic, price FROM prepared_insert ORDER BY id", r => (r.GetInt64(0), r.IsNull(1) ? null : r.GetString(1), r.IsNull(2) ? (decimal?)null : r.GetDecimal(2)));
        Assert.Equal([(1L, "国风", 199.8m), (2L, "露營", null), (3L, null, 0.02m)], rows);
        Assert.Equal(2L, conn.ExecuteNonQuery("DELETE FROM prepared_insert WHERE id < $1", 3L));
    }

    [Fact]
    public void Query_ReusedStatementWithReader_StreamsEachRun()
    {
        using var conn = fixture.Database.Connect();
        using var statement = conn.Prepare("SELECT i FROM range($1) t(i) WHERE i % $2 = 0");
        Assert.Equal([0L, 3L, 6L, 9L], statement.Query(r => r.GetInt64(0), 10L, 3L));
        Assert.Equal(0L, statement.Scalar<long>(100L, 2L));
        Assert.Null(statement.Scalar<long?>(0L, 2L));
        using var reader = statement.ExecuteReader(5000L, 1L);
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        Assert.Equal(5000, n);
    }

    [Fact]
    public void Scalar_QuestionMarkParameters_Bind()
    {
        using var conn = fixture.Database.Connect();
        Assert.Equal("复古-3", conn.Scalar<string>("SELECT ? || '-' || ?", "复古", 3));
    }

    [Fact]
    public void ExecuteNonQuery_WrongParameterCount_ThrowsInvalidInput()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.Throws<DuckDbException>(() => conn.Scalar<long>("SELECT $1 + $2", 1L));
        Assert.Equal(DuckDbErrorType.InvalidInput, error.ErrorType);
        Assert.Contains("2 parameter(s) but 1 value(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecuteNonQuery_TextBoundToIntegerColumn_ThrowsConversion()
    {
        using var conn = fixture.Database.Connect();
        conn.Execute("CREATE TABLE bind_mismatch (n INTEGER)");
        var error = Assert.Throws<DuckDbException>(() => conn.ExecuteNonQuery("INSERT INTO bind_mismatch VALUES ($1)", "露营"));
        Assert.Equal(DuckDbErrorType.Conversion, error.ErrorType);
        Assert.Contains("露营", error.Message, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO bind_mismatch", error.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar_UnsupportedParameterType_ThrowsInvalidInput()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.Throws<DuckDbException>(() => conn.Scalar<long>("SELECT $1", new Uri("https://example.com")));
        Assert.Equal(DuckDbErrorType.InvalidInput, error.ErrorType);
        Assert.Contains("Uri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ParameterizedSelectOfInjection_TreatsValueAsText()
    {
        using var conn = fixture.Database.Connect();
        const string Hostile = "x'; DROP TABLE t; --";
        Assert.Equal(Hostile, conn.Scalar<string>("SELECT $1", Hostile));
    }
}
