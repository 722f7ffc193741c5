namespace TrendInsight.DuckDb.Tests;

public sealed class DuckDbSqlTests(InMemoryDatabaseFixture fixture) : IClassFixture<InMemoryDatabaseFixture>
{
    [Theory]
    [InlineData("/data/lake/raw/search/**/*.parquet")]
    [InlineData("it's 国风'; DROP TABLE x; --")]
    [InlineData("")]
    public void Literal_AnyText_RoundTripsThroughDuckDb(string text)
    {
        using var conn = fixture.Database.Connect();
        Assert.Equal(text, conn.Scalar<string>("SELECT " + DuckDbSql.Literal(text)));
    }

    [Fact]
    public void Identifier_QuotesAndChinese_CreateViewWithThatName()
    {
        using var conn = fixture.Database.Connect();
        var name = "热度 \"view\"";
        conn.Execute($"CREATE VIEW {DuckDbSql.Identifier(name)} AS SELECT {DuckDbSql.Literal("露营")} AS topic");
        Assert.Equal("露营", conn.Scalar<string>($"SELECT topic FROM {DuckDbSql.Identifier(name)}"));
    }

    [Fact]
    public void Literal_NulCharacter_Throws()
    {
        Assert.Throws<ArgumentException>(() => DuckDbSql.Literal("a\0b"));
    }
}
