namespace TrendInsight.DuckDb.Tests;

public sealed class ReaderTypeTests(InMemoryDatabaseFixture fixture) : IClassFixture<InMemoryDatabaseFixture>
{
    [Fact]
    public void GetInt64_EveryIntegerType_ReadsValue()
    {
        using var conn = fixture.Database.Connect();
        using var reader = conn.ExecuteReader("""
            SELECT -5::TINYINT, -300::SMALLINT, -70000::INTEGER, -5000000000::BIGINT,
                   250::UTINYINT, 65000::USMALLINT, 4000000000::UINTEGER, 9000000000000000000::UBIGINT,
                   (-123456789012)::HUGEINT, 42::UHUGEINT
            """);
        Assert.True(reader.Read());
        long[] expected = [-5, -300, -70000, -5000000000, 250, 65000, 4000000000, 9000000000000000000, -123456789012, 42];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], reader.GetInt64(i));
        }

        Assert.Equal(DuckDbType.TinyInt, reader.GetColumnType(0));
        Assert.Equal(DuckDbType.HugeInt, reader.GetColumnType(8));
        Assert.IsType<sbyte>(reader.GetValue(0));
        Assert.IsType<short>(reader.GetValue(1));
        Assert.IsType<int>(reader.GetValue(2));
        Assert.IsType<long>(reader.GetValue(3));
        Assert.IsType<ulong>(reader.GetValue(7));
        Assert.Equal((Int128)(-123456789012), reader.GetValue(8));
        Assert.False(reader.Read());
    }

    [Fact]
    public void GetInt64_HugeIntBeyondLong_ThrowsOutOfRange()
    {
        using var conn = fixture.Database.Connect();
        using var reader = conn.ExecuteReader("SELECT 170141183460469231731687303715884105727::HUGEINT AS big");
        Assert.True(reader.Read());
        var error = Assert.Throws<DuckDbException>(() => reader.GetInt64(0));
        Assert.Equal(DuckDbErrorType.OutOfRange, error.ErrorType);
        Assert.Contains("big", error.Message, StringComparison.Ordinal);
        Assert.Equal(Int128.MaxValue, reader.GetValue(0));
    }

    [Fact]
    public void Scalar_SumOfBigInt_ConvertsHugeIntToLong()
    {
        using var conn = fixture.Database.Connect();
        Assert.Equal(49995000L, conn.Scalar<long>("SELECT sum(i) FROM range(10000) t(i)"));
    }

    [Fact]
    public void GetDouble_FloatDoubleDecimalInteger_ReadsValue()
    {
        using var conn = fixture.Database.Connect();
        using var reader = conn.ExecuteReader("SELECT 1.5::FLOAT, 2.25::DOUBLE, 3.125::DECIMAL(9,3), 7::INTEGER, 'NaN'::DOUBLE");
        Assert.True(reader.Read());
        Assert.Equal(1.5, reader.GetDouble(0));
        Assert.Equal(2.25, reader.GetDouble(1));
        Assert.Equal(3.125, reader.GetDouble(2));
        Assert.Equal(7.0, reader.GetDouble(3));
        Assert.True(double.IsNaN(reader.GetDouble(4)));
        Assert.IsType<float>(reader.GetValue(0));
        Assert.IsType<double>(reader.GetValue(1));
    }

    [Theory]
    [InlineData("12.3::DECIMAL(4,1)", "12.3")]
    [InlineData("-1234567.89::DECIMAL(9,2)", "-1234567.89")]
    [InlineData("123456789012345.678::DECIMAL(18,3)", "123456789012345.678")]
    [InlineData("-12345678901234567890.1234567890::DECIMAL(38,10)", "-12345678901234567890.1234567890")]
    [InlineData("0.0000000001::DECIMAL(38,10)", "0.0000000001")]
    public void GetDecimal_EveryInternalWidth_ReadsExactValue(string sql, string expected)
    {
        using var conn = fixture.Database.Connect();
        var value = conn.Scalar<decimal>("SELECT " + sql);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void GetDecimal_ThirtyEightDigits_RoundsToDecimalPrecision()
    {
        using var conn = fixture.Database.Connect();
        var value = conn.Scalar<decimal>("SELECT 1.2345678901234567890123456789012345678::DECIMAL(38,37)");
        Assert.Equal(1.2345678901234567890123456789m, value);
    }

    [Theory]
    [InlineData("国风")]
    [InlineData("露營")]
    [InlineData("🏕️ 露营 citywalk")]
    [InlineData("abcdefghijkl")]
    [InlineData("abcdefghijklm")]
    [InlineData("国风国风")]
    [InlineData("<p>好看 &amp; 复古</p>")]
    [InlineData("")]
    public void GetString_InlineAndHeapStrings_RoundTrip(string text)
    {
        using var conn = fixture.Database.Connect();
        Assert.Equal(text, conn.Scalar<string>("SELECT $1::VARCHAR", text));
    }

    [Fact]
    public void GetString_TwelveAndThirteenByteStrings_ReadAcrossInlineBoundary()
    {
        // 国风国风 is 12 UTF-8 bytes (inlined in the string_t), 国风国风a is 13 (stored behind a pointer).
        Assert.Equal(12, System.Text.Encoding.UTF8.GetByteCount("国风国风"));
        using var conn = fixture.Database.Connect();
        var rows = conn.Query(
            "SELECT s, length(s), strlen(s) FROM (VALUES ('国风国风'), ('国风国风a'), ('abcdefghijkl'), ('abcdefghijklm')) v(s) ORDER BY strlen(s), s",
            r => (r.GetString(0), r.GetInt64(1), r.GetInt64(2)));
        Assert.Equal(
            [("abcdefghijkl", 12L, 12L), ("国风国风", 4L, 12L), ("abcdefghijklm", 13L, 13L), ("国风国风a", 5L, 13L)],
            rows);
    }

    [Fact]
    public void GetDate_DateTimestampTimestampTz_ReadValues()
    {
        using var conn = fixture.Database.Connect();
        using var reader = conn.ExecuteReader("""
            SELECT DATE '2026-05-04', DATE '1969-12-31', TIMESTAMP '2026-05-04 13:14:15.123456',
                   TIMESTAMPTZ '2026-05-04 13:14:15.5+08:00', TIME '01:02:03', TIMESTAMP_MS '2026-01-01 00:00:01.5'
            """);
        Assert.True(reader.Read());
        Assert.Equal(new DateOnly(2026, 5, 4), reader.GetDate(0));
        Assert.Equal(new DateOnly(1969, 12, 31), reader.GetDate(1));
        var ts = reader.GetDateTime(2);
        Assert.Equal(new DateTime(2026, 5, 4, 13, 14, 15).AddTicks(1234560), ts);
        Assert.Equal(DateTimeKind.Unspecified, ts.Kind);
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 5, 14, 15, 500, TimeSpan.Zero), reader.GetDateTimeOffset(3));
        Assert.Equal(DateTimeKind.Utc, reader.GetDateTime(3).Kind);
        Assert.Equal(new TimeOnly(1, 2, 3), reader.GetTime(4));
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 1, 500), reader.GetDateTime(5));
        Assert.IsType<DateOnly>(reader.GetValue(0));
        Assert.IsType<DateTime>(reader.GetValue(2));
        Assert.IsType<DateTimeOffset>(reader.GetValue(3));
    }

    [Fact]
    public void GetDate_InfinityDate_ThrowsOutOfRange()
    {
        using var conn = fixture.Database.Connect();
        var error = Assert.Throws<DuckDbException>(() => conn.Scalar<DateOnly>("SELECT 'infinity'::DATE"));
        Assert.Equal(DuckDbErrorType.OutOfRange, error.ErrorType);
    }

    [Fact]
    public void GetStringList_ListOfVarcharWithNulls_ReadsElements()
    {
        using var conn = fixture.Database.Connect();
        var rows = conn.Query(
            "SELECT tags FROM (VALUES (1, ['国风', NULL, '🏕️ 露營 citywalk 周末']), (2, []), (3, NULL)) v(id, tags) ORDER BY id",
            r => r.IsNull(0) ? null : r.GetStringList(0));
        Assert.Equal(new string?[] { "国风", null, "🏕️ 露營 citywalk 周末" }, rows[0]!);
        Assert.Empty(rows[1]!);
        Assert.Null(rows[2]);
    }

    [Fact]
    public void GetValue_ListOfIntegers_ReturnsObjectArray()
    {
        using var conn = fixture.Database.Connect();
        var value = conn.Scalar<object>("SELECT [1, 2, NULL]::INTEGER[]");
        Assert.Equal(new object?[] { 1, 2, null }, value);
    }

    [Fact]
    public void GetString_EnumUuidBlobBoolean_ReadValues()
    {
        using var conn = fixture.Database.Connect();
        conn.Execute("CREATE TYPE IF NOT EXISTS mood AS ENUM ('国风', '复古', '露营')");
        using var reader = conn.ExecuteReader(
            "SELECT '复古'::mood, '6f1c8c1e-0b4e-4a5b-9d4e-3f1a2b3c4d5e'::UUID, '\\xAA\\x00'::BLOB, true, false");
        Assert.True(reader.Read());
        Assert.Equal("复古", reader.GetString(0));
        Assert.Equal(Guid.Parse("6f1c8c1e-0b4e-4a5b-9d4e-3f1a2b3c4d5e"), reader.GetGuid(1));
        Assert.Equal(new byte[] { 0xAA, 0x00 }, reader.GetBlob(2));
        Assert.True(reader.GetBoolean(3));
        Assert.False(reader.GetBoolean(4));
    }

    [Fact]
    public void Read_ManyChunksWithNulls_ReadsEveryRow()
    {
        using var conn = fixture.Database.Connect();
        using var reader = conn.ExecuteReader(
            "SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE '评论 #' || i END FROM range(10000) t(i) ORDER BY i");
        long count = 0, nulls = 0;
        while (reader.Read())
        {
            Assert.Equal(count, reader.GetInt64(0));
            if (reader.IsNull(1))
            {
                nulls++;
                Assert.Null(reader.GetValue(1));
            }
            else
            {
                Assert.Equal("评论 #" + count.ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1));
            }

            count++;
        }

        Assert.Equal(10000, count);
        Assert.Equal(1429, nulls);
    }

    [Fact]
    public void GetString_NullValue_ThrowsNamingColumn()
    {
        using var conn = fixture.Database.Connect();
        using var reader = conn.ExecuteReader("SELECT NULL::VARCHAR AS title");
        Assert.True(reader.Read());
        Assert.True(reader.IsNull(0));
        var error = Assert.Throws<DuckDbException>(() => reader.GetString(0));
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetInt64_VarcharColumn_ThrowsMismatch()
    {
        using var conn = fixture.Database.Connect();
        using var reader = conn.ExecuteReader("SELECT '国风' AS topic");
        Assert.True(reader.Read());
        var error = Assert.Throws<DuckDbException>(() => reader.GetInt64(0));
        Assert.Equal(DuckDbErrorType.MismatchType, error.ErrorType);
        Assert.Contains("topic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar_NoRowsOrNull_GivesNullForNullableAndThrowsForValueType()
    {
        using var conn = fixture.Database.Connect();
        Assert.Null(conn.Scalar<long?>("SELECT 1 WHERE false"));
        Assert.Null(conn.Scalar<string>("SELECT NULL::VARCHAR"));
        Assert.Null(conn.Scalar<long?>("SELECT NULL::BIGINT"));
        Assert.Throws<DuckDbException>(() => conn.Scalar<long>("SELECT 1 WHERE false"));
        Assert.Throws<DuckDbException>(() => conn.Scalar<long>("SELECT NULL::BIGINT"));
    }

    [Fact]
    public void GetOrdinalAndGetName_NamedColumns_Resolve()
    {
        using var conn = fixture.Database.Connect();
        using var reader = conn.ExecuteReader("SELECT 1 AS term, 2 AS \"热度\"");
        Assert.Equal(2, reader.FieldCount);
        Assert.Equal("热度", reader.GetName(1));
        Assert.Equal(1, reader.GetOrdinal("热度"));
        Assert.Equal(0, reader.GetOrdinal("TERM"));
        Assert.Throws<DuckDbException>(() => reader.GetOrdinal("missing"));
    }

    [Fact]
    public void Read_EmptyResult_ReturnsFalse()
    {
        using var conn = fixture.Database.Connect();
        using var reader = conn.ExecuteReader("SELECT * FROM range(0)");
        Assert.False(reader.Read());
        Assert.False(reader.Read());
    }
}
