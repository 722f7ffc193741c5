using System.Globalization;

namespace TrendInsight.DuckDb.Tests;

public sealed class AppenderTests(InMemoryDatabaseFixture fixture) : IClassFixture<InMemoryDatabaseFixture>
{
    private static string Table(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public void Append_EveryType_RoundTrips()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("all_types");
        conn.Execute($"""
            CREATE TABLE {table} (
                b BOOLEAN, i INTEGER, l BIGINT, d DOUBLE, m4 DECIMAL(4,1), m9 DECIMAL(9,2), m18 DECIMAL(18,3), m38 DECIMAL(38,10),
                s VARCHAR, dt DATE, ts TIMESTAMP, tz TIMESTAMPTZ, tags VARCHAR[])
            """);
        var ts = new DateTime(2026, 3, 8, 20, 30, 15, 250, DateTimeKind.Unspecified);
        var tz = new DateTimeOffset(2026, 3, 8, 20, 30, 15, TimeSpan.FromHours(8));
        using (var appender = conn.CreateAppender(table))
        {
            Assert.Equal(13, appender.ColumnCount);
            appender.BeginRow().Append(true).Append(-7).Append(long.MinValue).Append(2.5)
                .Append(-123.4m).Append(1234567.89m).Append(-123456789012345.678m).Append(12345678901234567890.1234567891m)
                .Append("🏕️ 露營 citywalk").Append(new DateOnly(2026, 3, 8)).Append(ts).Append(tz)
                .Append(new[] { "国风", null, "多巴胺穿搭和美拉德" }).EndRow();
            appender.BeginRow();
            for (var i = 0; i < 13; i++)
            {
                appender.AppendNull();
            }

            appender.EndRow();
            Assert.Equal(2, appender.RowsAppended);
        }

        using var reader = conn.ExecuteReader($"SELECT * FROM {table} ORDER BY b NULLS LAST");
        Assert.True(reader.Read());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal(-7, reader.GetInt32(1));
        Assert.Equal(long.MinValue, reader.GetInt64(2));
        Assert.Equal(2.5, reader.GetDouble(3));
        Assert.Equal(-123.4m, reader.GetDecimal(4));
        Assert.Equal(1234567.89m, reader.GetDecimal(5));
        Assert.Equal(-123456789012345.678m, reader.GetDecimal(6));
        Assert.Equal(12345678901234567890.1234567891m, reader.GetDecimal(7));
        Assert.Equal("🏕️ 露營 citywalk", reader.GetString(8));
        Assert.Equal(new DateOnly(2026, 3, 8), reader.GetDate(9));
        Assert.Equal(ts, reader.GetDateTime(10));
        Assert.Equal(tz, reader.GetDateTimeOffset(11));
        Assert.Equal(new string?[] { "国风", null, "多巴胺穿搭和美拉德" }, reader.GetStringList(12));
        Assert.True(reader.Read());
        for (var i = 0; i < 13; i++)
        {
            Assert.True(reader.IsNull(i), $"column {i} should be NULL");
        }

        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData("abcdefghijkl")]
    [InlineData("abcdefghijklm")]
    [InlineData("国风国风")]
    [InlineData("国风国风a")]
    [InlineData("")]
    [InlineData("<div class=\"c\">好看！&nbsp;👍</div>")]
    public void Append_StringAroundInlineBoundary_ComparesEqualToSqlLiteral(string text)
    {
        using var conn = fixture.Database.Connect();
        var table = Table("strings");
        conn.Execute($"CREATE TABLE {table} (s VARCHAR)");
        using (var appender = conn.CreateAppender(table))
        {
            appender.BeginRow().Append(text).EndRow();
        }

        // Equality, hashing (GROUP BY, DISTINCT) and prefix comparisons all see the bytes we wrote.
        Assert.Equal(1L, conn.Scalar<long>($"SELECT count(*) FROM {table} WHERE s = $1", text));
        Assert.Equal(1L, conn.Scalar<long>($"SELECT count(DISTINCT s) FROM (SELECT s FROM {table} UNION ALL SELECT $1::VARCHAR)", text));
        Assert.Equal(text, conn.Scalar<string>($"SELECT s FROM {table}"));
    }

    [Fact]
    public void Append_ManyChunksWithNullsAndLists_KeepsEveryRow()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("many");
        conn.Execute($"CREATE TABLE {table} (id BIGINT, name VARCHAR, tags VARCHAR[], price DECIMAL(10,2))");
        const int Rows = 10_000;
        using (var appender = conn.CreateAppender(table))
        {
            for (var i = 0; i < Rows; i++)
            {
                appender.BeginRow().Append(i);
                if (i % 5 == 0)
                {
                    appender.AppendNull();
                }
                else
                {
                    appender.Append("商品标题 " + i.ToString(CultureInfo.InvariantCulture));
                }

                if (i % 3 == 0)
                {
                    appender.AppendNull();
                }
                else
                {
                    var tags = new string?[i % 4];
                    for (var t = 0; t < tags.Length; t++)
                    {
                        tags[t] = t == 1 && i % 2 == 0 ? null : "标签" + t.ToString(CultureInfo.InvariantCulture);
                    }

                    appender.Append(tags);
                }

                appender.Append(i / 100m).EndRow();
            }
        }

        Assert.Equal((long)Rows, conn.Scalar<long>($"SELECT count(*) FROM {table}"));
        Assert.Equal(2000L, conn.Scalar<long>($"SELECT count(*) FROM {table} WHERE name IS NULL"));
        Assert.Equal(0L, conn.Scalar<long>($"SELECT count(*) FROM {table} WHERE name IS NOT NULL AND name <> '商品标题 ' || id"));
        Assert.Equal(0L, conn.Scalar<long>($"SELECT count(*) FROM {table} WHERE tags IS NOT NULL AND len(tags) <> id % 4"));
        Assert.Equal(3334L, conn.Scalar<long>($"SELECT count(*) FROM {table} WHERE tags IS NULL"));
        Assert.Equal(499950m, conn.Scalar<decimal>($"SELECT sum(price) FROM {table}"));
        var expectedElements = Enumerable.Range(0, Rows).Where(i => i % 3 != 0).Sum(i => (long)(i % 4));
        Assert.Equal(expectedElements, conn.Scalar<long>($"SELECT sum(len(tags)) FROM {table}"));
        var expectedNullElements = Enumerable.Range(0, Rows).Count(i => i % 3 != 0 && i % 2 == 0 && i % 4 >= 2);
        Assert.Equal((long)expectedNullElements, conn.Scalar<long>($"SELECT count(*) FROM (SELECT unnest(tags) AS t FROM {table}) WHERE t IS NULL"));
        var row = conn.Query($"SELECT name, tags FROM {table} WHERE id = 9998", r => (r.GetString(0), r.GetStringList(1)));
        Assert.Equal("商品标题 9998", row[0].Item1);
        Assert.Equal(new string?[] { "标签0", null }, row[0].Item2);
    }

    [Fact]
    public void Append_SpanAndUtf8Overloads_WriteSameText()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("spans");
        conn.Execute($"CREATE TABLE {table} (a VARCHAR, b VARCHAR)");
        using (var appender = conn.CreateAppender(table))
        {
            appender.BeginRow().Append("露营装备清单 2026".AsSpan()).AppendUtf8("露营装备清单 2026"u8).EndRow();
            appender.BeginRow().Append("國風").AppendUtf8("國風"u8, validated: true).EndRow();
        }

        Assert.Equal(2, conn.Scalar<long>($"SELECT count(*) FROM {table} WHERE a = b AND a IN ('露营装备清单 2026', '國風')"));
    }

    [Fact]
    public void AppendUtf8_InvalidBytes_ThrowsConversion()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("bad_utf8");
        conn.Execute($"CREATE TABLE {table} (a VARCHAR)");
        using var appender = conn.CreateAppender(table);
        var error = Assert.Throws<DuckDbException>(() => appender.BeginRow().AppendUtf8([0xB9, 0xFA, 0xB7, 0xE7]));
        Assert.Equal(DuckDbErrorType.Conversion, error.ErrorType);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendValue_BoxedValues_DispatchByType()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("boxed");
        conn.Execute($"CREATE TABLE {table} (a BIGINT, b VARCHAR, c DOUBLE, d DATE, e VARCHAR[])");
        using (var appender = conn.CreateAppender(table))
        {
            appender.BeginRow().AppendValue(5L).AppendValue("复古").AppendValue(1.5).AppendValue(new DateOnly(2026, 1, 1)).AppendValue(new[] { "x" }).EndRow();
            appender.BeginRow().AppendValue(null).AppendValue(DBNull.Value).AppendValue(null).AppendValue(null).AppendValue(null).EndRow();
        }

        Assert.Equal(1L, conn.Scalar<long>($"SELECT count(*) FROM {table} WHERE a = 5 AND b = '复古' AND c = 1.5 AND d = DATE '2026-01-01' AND e = ['x']"));
        Assert.Equal(1L, conn.Scalar<long>($"SELECT count(*) FROM {table} WHERE a IS NULL AND b IS NULL AND e IS NULL"));
    }

    [Fact]
    public void Append_NullableValues_AppendValueOrNull()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("nullable");
        conn.Execute($"CREATE TABLE {table} (b BOOLEAN, i INTEGER, l BIGINT, d DOUBLE, m DECIMAL(8,2), dt DATE, ts TIMESTAMP, tz TIMESTAMPTZ)");
        var tz = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        using (var appender = conn.CreateAppender(table))
        {
            appender.BeginRow().Append((bool?)true).Append((int?)1).Append((long?)2).Append((double?)3.5).Append((decimal?)4.25m)
                .Append((DateOnly?)new DateOnly(2026, 7, 1)).Append((DateTime?)new DateTime(2026, 7, 1)).Append((DateTimeOffset?)tz).EndRow();
            appender.BeginRow().Append((bool?)null).Append((int?)null).Append((long?)null).Append((double?)null).Append((decimal?)null)
                .Append((DateOnly?)null).Append((DateTime?)null).Append((DateTimeOffset?)null).EndRow();
        }

        Assert.Equal(1L, conn.Scalar<long>($"SELECT count(*) FROM {table} WHERE b AND i = 1 AND l = 2 AND d = 3.5 AND m = 4.25 AND dt = DATE '2026-07-01' AND tz = $1", tz));
        Assert.Equal(1L, conn.Scalar<long>($"SELECT count(*) FROM {table} WHERE b IS NULL AND i IS NULL AND m IS NULL AND tz IS NULL"));
    }

    [Fact]
    public void Append_DateTimeIntoTimestampTz_ConvertsLocalAndKeepsUtc()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("tz");
        conn.Execute($"CREATE TABLE {table} (id INTEGER, tz TIMESTAMPTZ, ts TIMESTAMP)");
        var utc = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        using (var appender = conn.CreateAppender(table))
        {
            appender.BeginRow().Append(1).Append(utc).Append(new DateOnly(2026, 6, 1)).EndRow();
            appender.BeginRow().Append(2).Append(new DateOnly(2026, 6, 1)).Append(utc).EndRow();
        }

        var rows = conn.Query($"SELECT tz, ts FROM {table} ORDER BY id", r => (r.GetDateTimeOffset(0), r.GetDateTime(1)));
        Assert.Equal(new DateTimeOffset(utc), rows[0].Item1);
        Assert.Equal(new DateTime(2026, 6, 1), rows[0].Item2);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), rows[1].Item1);
        Assert.Equal(new DateTime(2026, 6, 1, 12, 0, 0), rows[1].Item2);
    }

    [Fact]
    public void Append_WrongType_ThrowsMismatchNamingTableAndColumn()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("mismatch");
        conn.Execute($"CREATE TABLE {table} (id BIGINT, title VARCHAR)");
        using var appender = conn.CreateAppender(table);
        var error = Assert.Throws<DuckDbException>(() => appender.BeginRow().Append("国风"));
        Assert.Equal(DuckDbErrorType.MismatchType, error.ErrorType);
        Assert.Contains(table, error.Message, StringComparison.Ordinal);
        Assert.Contains("column 1 is BIGINT", error.Message, StringComparison.Ordinal);

        // The failed row is discarded; the appender goes on with the next one.
        appender.BeginRow().Append(1L).Append("国风").EndRow();
        appender.Close();
        Assert.Equal(1L, conn.Scalar<long>($"SELECT count(*) FROM {table}"));
    }

    [Fact]
    public void Append_ValueOutOfRange_ThrowsOutOfRange()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("range");
        conn.Execute($"CREATE TABLE {table} (small SMALLINT, price DECIMAL(4,2))");
        using var appender = conn.CreateAppender(table);
        Assert.Equal(DuckDbErrorType.OutOfRange, Assert.Throws<DuckDbException>(() => appender.BeginRow().Append(40000L)).ErrorType);
        Assert.Equal(DuckDbErrorType.OutOfRange, Assert.Throws<DuckDbException>(() => appender.BeginRow().Append(1).Append(100.5m)).ErrorType);
    }

    [Fact]
    public void EndRow_TooFewOrTooManyValues_ThrowsInvalidInput()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("arity");
        conn.Execute($"CREATE TABLE {table} (a INTEGER, b INTEGER)");
        using var appender = conn.CreateAppender(table);
        var tooFew = Assert.Throws<DuckDbException>(() => appender.BeginRow().Append(1).EndRow());
        Assert.Contains("has 1 value(s) but the table has 2 column(s)", tooFew.Message, StringComparison.Ordinal);
        var tooMany = Assert.Throws<DuckDbException>(() => appender.BeginRow().Append(1).Append(2).Append(3));
        Assert.Equal(DuckDbErrorType.InvalidInput, tooMany.ErrorType);
    }

    [Fact]
    public void Close_DuplicatePrimaryKey_ThrowsConstraint()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("pk");
        conn.Execute($"CREATE TABLE {table} (event_id VARCHAR PRIMARY KEY, n INTEGER)");
        var appender = conn.CreateAppender(table);
        appender.BeginRow().Append("evt-露营-0001").Append(1).EndRow();
        appender.BeginRow().Append("evt-露营-0001").Append(2).EndRow();
        var error = Assert.Throws<DuckDbException>(appender.Close);
        appender.Dispose();
        Assert.Equal(DuckDbErrorType.Constraint, error.ErrorType);
        Assert.Contains("evt-露营-0001", error.Message, StringComparison.Ordinal);
        Assert.Contains(table, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateAppender_MissingTable_ThrowsCatalog()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.Throws<DuckDbException>(() => conn.CreateAppender("no_such_table"));
        Assert.Equal(DuckDbErrorType.Catalog, error.ErrorType);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_AfterClose_ThrowsObjectDisposed()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("closed");
        conn.Execute($"CREATE TABLE {table} (a INTEGER)");
        var appender = conn.CreateAppender(table);
        appender.Dispose();
        Assert.Throws<ObjectDisposedException>(() => appender.BeginRow());
        Assert.Throws<ObjectDisposedException>(() => appender.Append(1));
        Assert.Throws<ObjectDisposedException>(() => appender.AppendNull());
        Assert.Throws<ObjectDisposedException>(() => appender.EndRow());
        Assert.Throws<ObjectDisposedException>(() => appender.Append(1));
        Assert.Throws<ObjectDisposedException>(appender.Flush);
    }

    [Fact]
    public void Flush_MidLoad_MakesRowsVisible()
    {
        using var conn = fixture.Database.Connect();
        var table = Table("flush");
        conn.Execute($"CREATE TABLE {table} (a INTEGER)");
        using var appender = conn.CreateAppender(table);
        appender.BeginRow().Append(1).EndRow();
        appender.Flush();
        Assert.Equal(1L, conn.Scalar<long>($"SELECT count(*) FROM {table}"));
    }

    [Fact]
    public void CreateAppender_SchemaQualified_AppendsIntoSchema()
    {
        using var conn = fixture.Database.Connect();
        var schema = Table("lake");
        conn.Execute($"CREATE SCHEMA {schema}; CREATE TABLE {schema}.terms (term VARCHAR)");
        using (var appender = conn.CreateAppender("terms", schema))
        {
            appender.BeginRow().Append("多巴胺穿搭").EndRow();
        }

        Assert.Equal("多巴胺穿搭", conn.Scalar<string>($"SELECT term FROM {schema}.terms"));
    }
}
