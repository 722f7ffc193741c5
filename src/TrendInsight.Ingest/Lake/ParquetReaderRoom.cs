using System.Globalization;
using DuckDB.NET.Data;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Lake;

/// <summary>
/// Room for a Parquet landing file's reader inside <c>ingest.memory_limit</c>: while the file is read, DuckDB's memory
/// limit is lowered by <see cref="Allowance"/> and afterwards set back. Staging fills DuckDB up to its limit on a large
/// input (it is there at the end of reading, the ingest's peak), so whatever the reader holds beside it (a row group's
/// decoded columns, Parquet.Net's page pools and code) would otherwise come on top of the JSONL path's peak.
/// </summary>
/// <remarks>
/// On <c>make bench BENCH=parquet</c> (3,000,000 comments in row groups of 122,880) the Parquet reader's process stood
/// 10-25 MB above the JSONL reader's at that peak; the managed heap alone was 10 MB larger.
/// </remarks>
internal sealed class ParquetReaderRoom : IDisposable
{
    /// <summary>What DuckDB gives up while a Parquet file is read (at most a quarter of its limit).</summary>
    public const long Allowance = 64L << 20;

    private readonly DuckDBConnection _connection;
    private readonly string _limit;

    private ParquetReaderRoom(DuckDBConnection connection, string limit)
    {
        _connection = connection;
        _limit = limit;
    }

    /// <summary>Lowers the limit of <paramref name="connection"/>'s database until the result is disposed.</summary>
    public static ParquetReaderRoom Make(DuckDBConnection connection)
    {
        var limit = connection.Scalar<string>("SELECT current_setting('memory_limit')");
        var bytes = Bytes(limit);
        var room = new ParquetReaderRoom(connection, limit);
        if (bytes > 0)
        {
            var lowered = bytes - Math.Min(Allowance, bytes / 4);
            connection.Execute(string.Create(CultureInfo.InvariantCulture, $"SET memory_limit = '{lowered / 1024}KiB'"));
        }

        return room;
    }

    public void Dispose() => _connection.Execute("SET memory_limit = " + DuckDbSql.Literal(_limit));

    /// <summary>Bytes of a size as DuckDB shows its settings (<c>953.6 MiB</c>, <c>1.0 GiB</c>, <c>512 bytes</c>); 0 when it is none of those.</summary>
    internal static long Bytes(string size)
    {
        var parts = size.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return 0;
        }

        var unit = parts[1].ToUpperInvariant() switch
        {
            "BYTE" or "BYTES" or "B" => 1L,
            "KIB" => 1L << 10,
            "MIB" => 1L << 20,
            "GIB" => 1L << 30,
            "TIB" => 1L << 40,
            "KB" => 1000L,
            "MB" => 1000L * 1000,
            "GB" => 1000L * 1000 * 1000,
            "TB" => 1000L * 1000 * 1000 * 1000,
            _ => 0L,
        };
        return (long)(number * unit);
    }
}
