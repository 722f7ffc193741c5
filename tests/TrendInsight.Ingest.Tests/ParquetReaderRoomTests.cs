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
    [InlineData("unlimited", 0L)]
    public void Bytes_SizesAsDuckDbShowsThem(string shown, long bytes) =>
        Assert.Equal(bytes, ParquetReaderRoom.Bytes(shown), tolerance: 1024);

    [Fact]
    public void Make_LowersTheLimitByTheAllowanceAndDisposeSetsItBack()
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1, MemoryLimit = "1GB" });
        using var conn = db.Connect();
        var limit = ParquetReaderRoom.Bytes(conn.Scalar<string>("SELECT current_setting('memory_limit')"));

        using (ParquetReaderRoom.Make(conn))
        {
            var lowered = ParquetReaderRoom.Bytes(conn.Scalar<string>("SELECT current_setting('memory_limit')"));
            Assert.InRange(limit - lowered, ParquetReaderRoom.Allowance - (1 << 20), ParquetReaderRoom.Allowance + (1 << 20));
        }

        Assert.Equal(limit, ParquetReaderRoom.Bytes(conn.Scalar<string>("SELECT current_setting('memory_limit')")), tolerance: 1 << 20);
    }

    [Fact]
    public void Make_SmallLimit_GivesUpAtMostAQuarter()
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1, MemoryLimit = "128MB" });
        using var conn = db.Connect();
        var limit = ParquetReaderRoom.Bytes(conn.Scalar<string>("SELECT current_setting('memory_limit')"));

        using (ParquetReaderRoom.Make(conn))
        {
            var lowered = ParquetReaderRoom.Bytes(conn.Scalar<string>("SELECT current_setting('memory_limit')"));
            Assert.InRange(lowered, (limit * 3 / 4) - (1 << 20), (limit * 3 / 4) + (1 << 20));
        }
    }
}
