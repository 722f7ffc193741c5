namespace TrendInsight.DuckDb.Tests;

public sealed class ParquetTests(InMemoryDatabaseFixture fixture) : IClassFixture<InMemoryDatabaseFixture>
{
    [Fact]
    public void CopyToParquet_ZstdHivePartitions_ReadBackWithReadParquet()
    {
        using var temp = new TempFolder();
        using var conn = fixture.Database.Connect();
        conn.Execute("CREATE TABLE comments_pq (event_id VARCHAR, dt DATE, text VARCHAR, likes BIGINT, tags VARCHAR[], ts TIMESTAMPTZ, gmv DECIMAL(12,2))");
        var ts = new DateTimeOffset(2026, 4, 1, 20, 0, 0, TimeSpan.FromHours(8));
        using (var appender = conn.CreateAppender("comments_pq"))
        {
            for (var i = 0; i < 3000; i++)
            {
                var day = new DateOnly(2026, 4, 1 + (i % 3));
                appender.CreateRow()
                    .AppendValue("evt-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .AppendValue(day)
                    .AppendValue(i % 10 == 0 ? "<p>國風漢服 🏮 太好看了&amp;</p>" : "露营装备 citywalk 多巴胺穿搭")
                    .AppendValue((long)i)
                    .AppendValue(new[] { "国风", i % 2 == 0 ? "复古" : null })
                    .AppendValue(ts.AddMinutes(i))
                    .AppendValue(i * 1.25m)
                    .EndRow();
            }
        }

        var folder = Path.Combine(temp.Path, "lake", "raw", "comments");
        Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
        conn.Execute("COPY comments_pq TO $folder (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt))", ("folder", folder));

        var partitions = Directory.GetDirectories(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["dt=2026-04-01", "dt=2026-04-02", "dt=2026-04-03"], partitions);
        var glob = Path.Combine(folder, "**", "*.parquet");
        Assert.Equal(3000L, conn.Scalar<long>("SELECT count(*) FROM read_parquet($glob, hive_partitioning = true)", ("glob", glob)));
        Assert.Equal(1000L, conn.Scalar<long>("SELECT count(*) FROM read_parquet($glob, hive_partitioning = true) WHERE dt = DATE '2026-04-02'", ("glob", glob)));
        Assert.Equal(300L, conn.Scalar<long>("SELECT count(*) FROM read_parquet($glob, hive_partitioning = true) WHERE text LIKE '%國風%'", ("glob", glob)));
        Assert.Equal("ZSTD", conn.Scalar<string>("SELECT DISTINCT compression FROM parquet_metadata($glob) WHERE path_in_schema = 'text'", ("glob", glob)));

        var row = conn.Query(
            "SELECT text, tags, ts, gmv FROM read_parquet($glob, hive_partitioning = true) WHERE event_id = 'evt-10'",
            r => (r.GetString("text"), r.GetStringList("tags"), r.GetDateTimeOffset("ts"), r.GetDecimal("gmv")),
            ("glob", glob)).Single();
        Assert.Equal("<p>國風漢服 🏮 太好看了&amp;</p>", row.Item1);
        Assert.Equal(new string?[] { "国风", "复古" }, row.Item2);
        Assert.Equal(ts.AddMinutes(10), row.Item3);
        Assert.Equal(12.5m, row.Item4);
    }

    [Fact]
    public void ReadCsv_CommittedUtf8Sample_DecodesChinese()
    {
        using var conn = fixture.Database.Connect();
        var utf8 = Path.Combine(AppContext.BaseDirectory, "TestData", "comments_utf8.csv");
        var rows = conn.Query(
            "SELECT event_id, text, likes FROM read_csv($path, header = true, columns = {'event_id': 'VARCHAR', 'text': 'VARCHAR', 'likes': 'BIGINT'}) ORDER BY event_id",
            r => (r.GetString("event_id"), r.GetString("text"), r.GetInt64("likes")),
            ("path", utf8));
        Assert.Equal(4, rows.Count);
        Assert.Equal(("c-001", "國風漢服真好看 👘", 120L), rows[0]);
        Assert.Equal("<b>露营</b> 装备推荐，周末citywalk", rows[1].Item2);
    }
}
