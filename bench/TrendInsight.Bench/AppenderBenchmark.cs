using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using TrendInsight.DuckDb;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Bench;

/// <summary>
/// Bulk load of a BIGINT, VARCHAR, TIMESTAMP table: DuckDB.NET's appender (text as UTF-8 spans, no string a
/// row) against DuckDB generating the same rows itself with <c>INSERT … SELECT … FROM range(n)</c>; and the ingest's
/// own <see cref="ChunkAppender"/> (values written straight into DuckDB.NET.Bindings data chunks) beside DuckDB.NET's
/// appender, which shows why staging keeps it.
/// </summary>
public sealed class AppenderBenchmark : IBenchmark
{
    public string Name => "appender";

    public Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.Quick ? 1_000_000L : 10_000_000L;
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = Math.Min(Environment.ProcessorCount, 2), MemoryLimit = "4GB" });
        using var conn = db.Connect();
        // The machine is shared, so each side runs twice, taking turns (the first of a round alternating), and keeps its best time.
        var (theirs, ours) = BestOfTwoInTurns(conn, "theirs", "ours", () => TimeInsertSelect(conn, rows), () => TimeAppender(conn, "ours", rows));
        var differing = conn.Scalar<long>("SELECT count(*) FROM (SELECT * FROM ours EXCEPT SELECT * FROM theirs)");

        // Then the ingest's own appender against DuckDB.NET's again, with the same memory beside them (the rows above).
        conn.Execute("DROP TABLE theirs");
        var (chunks, rowAppender) = BestOfTwoInTurns(conn, "chunks", "again", () => TimeChunkAppender(conn, rows), () => TimeAppender(conn, "again", rows));

        var chunksDiffering = conn.Scalar<long>(
            "SELECT (SELECT count(*) FROM (SELECT * FROM chunks EXCEPT SELECT * FROM ours)) + abs((SELECT count(*) FROM chunks) - (SELECT count(*) FROM ours))");
        var appended = conn.Scalar<long>("SELECT count(*) FROM ours");
        BenchContext.Compare(
            string.Create(CultureInfo.InvariantCulture, $"DuckDB.NET appender, {rows:N0} rows (BIGINT, VARCHAR, TIMESTAMP)"),
            "rows/s", rows / ours, "INSERT … SELECT FROM range()", rows / theirs);
        BenchContext.Figure("appender seconds (best of 2)", ours, "s");
        BenchContext.Figure("INSERT … SELECT seconds (best of 2)", theirs, "s");
        BenchContext.Figure("rows appended", appended, "rows");
        BenchContext.Figure("rows differing between the two tables", differing, "rows");
        BenchContext.Compare("ingest's ChunkAppender (Bindings data chunks)", "rows/s", rows / chunks, "DuckDB.NET appender", rows / rowAppender);
        BenchContext.Figure("ChunkAppender seconds (best of 2)", chunks, "s");
        BenchContext.Figure("DuckDB.NET appender seconds in those turns (best of 2)", rowAppender, "s");
        BenchContext.Figure("rows differing from DuckDB.NET's", chunksDiffering, "rows");
        BenchContext.Figure("peak RSS", BenchContext.PeakRssMb(), "MB");
        return Task.CompletedTask;
    }

    /// <summary>Best times of two rounds of <paramref name="first"/> and <paramref name="second"/>, each into a new table of its own, the first of a round alternating.</summary>
    private static (double First, double Second) BestOfTwoInTurns(DuckDBConnection conn, string firstTable, string secondTable, Func<double> first, Func<double> second)
    {
        var (a, b) = (double.MaxValue, double.MaxValue);
        for (var round = 0; round < 2; round++)
        {
            foreach (var table in new[] { firstTable, secondTable })
            {
                conn.Execute($"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id BIGINT, name VARCHAR, ts TIMESTAMP)");
            }

            if (round == 0)
            {
                a = Math.Min(a, first());
                b = Math.Min(b, second());
            }
            else
            {
                b = Math.Min(b, second());
                a = Math.Min(a, first());
            }
        }

        return (a, b);
    }

    private static double TimeInsertSelect(DuckDBConnection conn, long rows)
    {
        var watch = Stopwatch.StartNew();
        conn.ExecuteNonQuery(
            "INSERT INTO theirs SELECT i, 'name-' || i, TIMESTAMP '2026-01-01' + i * INTERVAL 1 SECOND FROM range($rows) t(i)", ("rows", rows));
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The same rows through the ingest's <see cref="ChunkAppender"/>, as its read workers append staged rows.</summary>
    private static double TimeChunkAppender(DuckDBConnection conn, long rows)
    {
        var watch = Stopwatch.StartNew();
        var epoch = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        Span<byte> name = stackalloc byte[32];
        "name-"u8.CopyTo(name);
        using (var appender = new ChunkAppender(conn, "chunks"))
        {
            for (var i = 0L; i < rows; i++)
            {
                i.TryFormat(name[5..], out var digits, default, CultureInfo.InvariantCulture);
                appender.Int64(0, i);
                appender.Text(1, name[..(5 + digits)]);
                appender.Timestamp(2, epoch + (i * TimeSpan.TicksPerSecond));
                appender.EndRow();
            }

            appender.Close();
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static double TimeAppender(DuckDBConnection conn, string table, long rows)
    {
        var watch = Stopwatch.StartNew();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).Ticks;
        Span<byte> name = stackalloc byte[32];
        "name-"u8.CopyTo(name);
        using (var appender = conn.CreateAppender(table))
        {
            for (var i = 0L; i < rows; i++)
            {
                i.TryFormat(name[5..], out var digits, default, CultureInfo.InvariantCulture);
                appender.CreateRow()
                    .AppendValue(i)
                    .AppendValue(name[..(5 + digits)])
                    .AppendValue(new DateTime(start + (i * TimeSpan.TicksPerSecond)))
                    .EndRow();
            }
        }

        return watch.Elapsed.TotalSeconds;
    }
}
