using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Ingest.Tests;

public sealed class StagingWriterTests
{
    /// <summary>
    /// Staging runs DuckDB on one thread; the deduplication and the Parquet writes after it get every thread back.
    /// 250,000 rows: more than DuckDB's appender holds before it inserts them (204,800).
    /// </summary>
    [Fact]
    public void Staging_RunsOneThreadAndCompleteSetsTheThreadsBack()
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 3 });
        using var conn = db.Connect();
        conn.Execute("CREATE TABLE staging (id VARCHAR, text VARCHAR, likes BIGINT)");

        using (var staging = new StagingWriter(db, workers: 2))
        {
            Assert.Equal(1, conn.Threads);
            var appender = staging.Appenders[0];
            for (var i = 0; i < 250_000; i++)
            {
                appender.Text(0, System.Text.Encoding.UTF8.GetBytes("c" + i));
                appender.Text(1, "國風真的回來了，燈芯絨配馬面裙 😍"u8);
                appender.Int64(2, i);
                appender.EndRow();
            }

            staging.Complete();
            Assert.Equal(3, conn.Threads);
        }

        Assert.Equal(3, conn.Threads);
        Assert.Equal(250_000, conn.Scalar<long>("SELECT count(*) FROM staging"));
        Assert.Equal(1, conn.Scalar<long>("SELECT count(DISTINCT text) FROM staging"));
    }

    /// <summary>A file that fails half-way gives staging up: the rows are rolled back, the threads set back all the same.</summary>
    [Fact]
    public void Staging_GivenUp_SetsTheThreadsBack()
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 2 });
        using var conn = db.Connect();
        conn.Execute("CREATE TABLE staging (id VARCHAR)");

        using (var staging = new StagingWriter(db, workers: 2))
        {
            staging.Appenders[1].Text(0, "e1"u8);
            staging.Appenders[1].EndRow();
            Assert.Equal(1, conn.Threads);
        }

        Assert.Equal(2, conn.Threads);
        Assert.Equal(0, conn.Scalar<long>("SELECT count(*) FROM staging"));
    }

    /// <summary>No staging table to append to: the writer fails as it is made, and the threads are set back.</summary>
    [Fact]
    public void Staging_FailingToStart_SetsTheThreadsBack()
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 2 });
        using var conn = db.Connect();

        Assert.Throws<DuckDbException>(() => new StagingWriter(db, workers: 2));

        Assert.Equal(2, conn.Threads);
    }
}
