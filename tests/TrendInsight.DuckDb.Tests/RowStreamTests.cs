namespace TrendInsight.DuckDb.Tests;

public sealed class RowStreamTests
{
    private const string Shape = "CREATE TABLE shape (id VARCHAR, text VARCHAR, n BIGINT, gmv DECIMAL(18,2), ts TIMESTAMPTZ, dt DATE)";
    private static readonly string[] Names = ["id", "text", "n", "gmv", "ts", "dt"];

    [Fact]
    public async Task Stream_RowsWrittenWhileAQueryReads_ArriveWholeInOrder()
    {
        using var db = DuckDbDatabase.Open(null);
        using var conn = db.Connect();
        conn.Execute(Shape);
        using var stream = conn.CreateRowStream("rows_in", "shape", Names, capacity: 2);
        const int rows = 50_000;
        var producer = Task.Run(() =>
        {
            for (var i = 0; i < rows; i++)
            {
                var row = stream.Appender.BeginRow().Append("e" + i);
                // short (inlined), long (heap) and missing strings, and real text
                _ = i % 3 == 0 ? row.AppendNull() : row.Append(i % 3 == 1 ? "露营" : "这套国风汉服太好看了😍 求链接！第" + i + "条");
                row.Append((long)i).Append(i % 7 == 0 ? null : (decimal?)(i / 100m))
                    .Append(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.FromHours(8)).AddMinutes(i)).Append(new DateOnly(2026, 11, 1 + (i % 20))).EndRow();
            }

            stream.Complete();
        });

        conn.Execute($"CREATE TABLE copied AS SELECT * FROM {stream.Function}()");
        await producer;

        Assert.Equal(rows, conn.Scalar<long>("SELECT count(*) FROM copied"));
        Assert.Equal((long)rows * (rows - 1) / 2, conn.Scalar<long>("SELECT sum(n)::BIGINT FROM copied"));
        Assert.Equal(rows / 3 + 1, conn.Scalar<long>("SELECT count(*) FROM copied WHERE text IS NULL"));
        Assert.Equal("这套国风汉服太好看了😍 求链接！第49997条", conn.Scalar<string>("SELECT text FROM copied WHERE id = 'e49997'"));
        Assert.Equal(0, conn.Scalar<long>("SELECT count(*) FROM copied WHERE id <> 'e' || n"));
        Assert.Equal(12.34m, conn.Scalar<decimal>("SELECT gmv FROM copied WHERE id = 'e1234'"));
        Assert.True(conn.Scalar<bool>("SELECT gmv IS NULL FROM copied WHERE id = 'e700'"));
    }

    [Fact]
    public async Task Stream_TwoWritersOnTwoThreads_InsertEveryRowOnce()
    {
        using var db = DuckDbDatabase.Open(null);
        using var conn = db.Connect();
        conn.Execute(Shape);
        conn.Execute("SET threads = 1");
        using var stream = conn.CreateRowStream("rows_two", "shape", Names, capacity: 2);
        var writers = new[] { stream.Appender, stream.CreateWriter() };
        const int perWriter = 30_000;
        var inserting = Task.Run(() => conn.Execute($"CREATE TABLE copied AS SELECT * FROM {stream.Function}()"));
        await Task.WhenAll(writers.Select((writer, w) => Task.Run(() =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                writer.BeginRow().Append($"w{w}-{i}").Append(w == 0 ? "國風" : "露营🏕️").Append((long)i).Append(0.5m)
                    .Append(DateTimeOffset.UnixEpoch).Append(new DateOnly(2026, 11, 1)).EndRow();
            }
        })));
        stream.Complete();
        await inserting;

        Assert.Equal(2 * perWriter, conn.Scalar<long>("SELECT count(DISTINCT id) FROM copied"));
        Assert.Equal(perWriter, conn.Scalar<long>("SELECT count(*) FROM copied WHERE text = '露营🏕️' AND id LIKE 'w1-%'"));
        Assert.Equal((long)perWriter * (perWriter - 1), conn.Scalar<long>("SELECT sum(n)::BIGINT FROM copied"));
    }

    [Fact]
    public async Task Stream_IntoPartitionedParquetThroughAJoin_WritesEveryRowOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ti-stream-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var db = DuckDbDatabase.Open(null);
            using var conn = db.Connect();
            conn.Execute(Shape);
            conn.Execute("CREATE TABLE seen AS SELECT 'e' || i AS id FROM range(0, 10000, 2) r(i)");
            using var stream = conn.CreateRowStream("rows_pq", "shape", Names);
            var producer = Task.Run(() =>
            {
                for (var i = 0; i < 10_000; i++)
                {
                    stream.Appender.BeginRow().Append("e" + i).Append("国风").Append((long)i).Append(1.5m)
                        .Append(DateTimeOffset.UnixEpoch).Append(new DateOnly(2026, 11, 1 + (i % 3))).EndRow();
                }

                stream.Complete();
            });

            conn.Execute($"COPY (SELECT s.* FROM {stream.Function}() s ANTI JOIN seen ON seen.id = s.id) TO '{folder}' (FORMAT parquet, PARTITION_BY (dt))");
            await producer;

            Assert.Equal(3, Directory.GetDirectories(folder, "dt=*").Length);
            Assert.Equal(5_000, conn.Scalar<long>($"SELECT count(*) FROM read_parquet('{folder}/*/*.parquet')"));
            Assert.Equal(0, conn.Scalar<long>($"SELECT count(*) FROM read_parquet('{folder}/*/*.parquet') WHERE n % 2 = 0"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Stream_ProducerFails_QueryFailsWithItsReason()
    {
        using var db = DuckDbDatabase.Open(null);
        using var conn = db.Connect();
        conn.Execute(Shape);
        using var stream = conn.CreateRowStream("rows_fail", "shape", Names);
        var producer = Task.Run(() =>
        {
            stream.Appender.BeginRow().Append("e1").Append("x").Append(1L).Append(1m).Append(DateTimeOffset.UnixEpoch).Append(new DateOnly(2026, 1, 1)).EndRow();
            stream.Fail("landing file comments/x.jsonl could not be read");
        });

        var ex = Assert.Throws<DuckDbException>(() => conn.Execute($"CREATE TABLE t AS SELECT * FROM {stream.Function}()"));
        await producer;
        Assert.Contains("comments/x.jsonl could not be read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_QueryGone_BlockedProducerIsReleasedByAbort()
    {
        using var db = DuckDbDatabase.Open(null);
        using var conn = db.Connect();
        conn.Execute(Shape);
        using var stream = conn.CreateRowStream("rows_abort", "shape", Names, capacity: 1);
        var producer = Task.Run(() =>
        {
            for (var i = 0; ; i++)
            {
                stream.Appender.BeginRow().Append("e" + i).Append("x").Append(1L).Append(1m).Append(DateTimeOffset.UnixEpoch).Append(new DateOnly(2026, 1, 1)).EndRow();
            }
        });

        // Nobody reads: the producer fills the one free place and blocks until the stream is aborted.
        await Task.Delay(200);
        Assert.False(producer.IsCompleted);
        stream.Abort();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => producer);
    }
}
