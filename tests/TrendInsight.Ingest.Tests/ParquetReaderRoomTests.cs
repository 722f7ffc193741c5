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

    /// <summary>1 GB gives up the allowance; 128 MB gives up a quarter, not half of itself.</summary>
    [Theory]
    [InlineData("1GB", false)]
    [InlineData("128MB", true)]
    public void Make_LowersTheLimitAndDisposeSetsItBack(string limitSetting, bool quarter)
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1, MemoryLimit = limitSetting });
        using var conn = db.Connect();
        long Limit() => ParquetReaderRoom.Bytes(conn.Scalar<string>("SELECT current_setting('memory_limit')"));
        var limit = Limit();

        using (ParquetReaderRoom.Make(conn))
        {
            Assert.Equal(quarter ? limit / 4 : ParquetReaderRoom.Allowance, limit - Limit(), tolerance: 1 << 20);
        }

        Assert.Equal(limit, Limit(), tolerance: 1 << 20);
    }
}
