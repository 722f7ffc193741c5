namespace TrendInsight.DuckDb.Tests;

public sealed class SmokeTests(InMemoryDatabaseFixture fixture) : IClassFixture<InMemoryDatabaseFixture>
{
    [Fact]
    public void Scalar_Count_ReturnsLong()
    {
        using var conn = fixture.Database.Connect();
        Assert.Equal(3L, conn.Scalar<long>("SELECT count(*) FROM range(3)"));
    }

    [Fact]
    public void Appender_ThreeColumns_RoundTrips()
    {
        using var conn = fixture.Database.Connect();
        conn.Execute("CREATE TABLE smoke (id BIGINT, name VARCHAR, ts TIMESTAMPTZ)");
        var ts = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(8));
        using (var appender = conn.CreateAppender("smoke"))
        {
            for (var i = 0; i < 5000; i++)
            {
                appender.BeginRow().Append((long)i).Append(i % 2 == 0 ? "国风" : "🏕️ 露營 and a long tail").Append(ts).EndRow();
            }

            appender.BeginRow().Append(-1L).AppendNull().AppendNull().EndRow();
        }

        Assert.Equal(5001L, conn.Scalar<long>("SELECT count(*) FROM smoke"));
        Assert.Equal(2500L, conn.Scalar<long>("SELECT count(*) FROM smoke WHERE name = $1", "国风"));
        var rows = conn.Query("SELECT id, name, ts FROM smoke WHERE id IN (1, -1) ORDER BY id", r => (r.GetInt64(0), r.IsNull(1) ? null : r.GetString(1), r.IsNull(2) ? (DateTimeOffset?)null : r.GetDateTimeOffset(2)));
        Assert.Equal((-1L, (string?)null, (DateTimeOffset?)null), rows[0]);
        Assert.Equal((1L, "🏕️ 露營 and a long tail", (DateTimeOffset?)ts), rows[1]);
    }
}
