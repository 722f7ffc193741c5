using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Ingest.Tests;

public sealed class ParquetReaderRoomTests
{
    [Theory]
    [InlineData("953.6 MiB", 999_922_073L)]
    [InlineData("1.0 GiB", 1L << 30)]
    [InlineData("512 bytes", 512L)]
    [InlineData("2 GB", 2_000_000_000L)]
    [InlineData("4GB", 4_000_000_000L)]
    [InlineData("80%", 0L)]
    [InlineData("unlimited", 0L)]
    public void Bytes_SizesAsDuckDbShowsThem(string shown, long bytes) =>
        Assert.Equal(bytes, ParquetReaderRoom.Bytes(shown), tolerance: 1024);

    /// <summary>
    /// 1 GB gives up the allowance, 128 MB a quarter of itself (DuckDB shows these to a tenth of a MiB); at 4 GB, shown to
    /// a tenth of a GiB, only that it comes back exactly. Each is set back to the configured limit, feed after feed.
    /// </summary>
    [Theory]
    [InlineData("1GB", 64L << 20)]
    [InlineData("128MB", 32_000_000L)]
    [InlineData("4GB", null)]
    public void Make_LowersTheLimitAndDisposeSetsTheConfiguredOneBack(string configured, long? givenUp)
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1, MemoryLimit = configured });
        using var conn = db.Connect();
        string Shown() => conn.Scalar<string>("SELECT current_setting('memory_limit')");
        var before = Shown();

        for (var feed = 0; feed < 5; feed++)
        {
            using var room = ParquetReaderRoom.Make(conn, configured);
            Assert.NotNull(room);
            if (givenUp is { } bytes)
            {
                Assert.Equal(bytes, ParquetReaderRoom.Bytes(before) - ParquetReaderRoom.Bytes(Shown()), tolerance: 1 << 18);
            }
        }

        Assert.Equal(before, Shown());
        Assert.Equal(ParquetReaderRoom.Bytes(configured), ParquetReaderRoom.Bytes(before), tolerance: 1L << 26);
    }

    /// <summary>Rows held in another connection's transaction (as the staging appenders hold theirs), with nowhere to spill them.</summary>
    [Fact]
    public void Make_MemoryThatCannotBeGivenUp_StagesUnderTheConfiguredLimit()
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1, MemoryLimit = "256MB" });
        using var conn = db.Connect();
        using var staging = db.Connect();
        conn.Execute("SET temp_directory = ''");
        staging.Execute("BEGIN TRANSACTION; CREATE TABLE held AS SELECT i, repeat('露营', 20) || i AS text FROM range(1450000) t(i)");
        var before = conn.Scalar<string>("SELECT current_setting('memory_limit')");

        var room = ParquetReaderRoom.Make(conn, "256MB");

        Assert.Null(room);
        Assert.Equal(before, conn.Scalar<string>("SELECT current_setting('memory_limit')"));
        staging.Execute("COMMIT");
        Assert.Equal(1_450_000, conn.Scalar<long>("SELECT count(*) FROM held"));
    }
}
