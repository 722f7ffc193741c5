using System.Globalization;
using DuckDB.NET.Data;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Lake;

/// <summary>
/// Room for a Parquet landing file's reader inside <c>ingest.memory_limit</c>: while a feed with Parquet files is staged,
/// DuckDB's memory limit is lowered by <see cref="Allowance"/>, and afterwards set back to the configured limit. Staging
/// fills DuckDB up to its limit on a large input (it is there at the end of reading, the ingest's peak), so whatever the
/// reader holds beside it (a row group's decoded columns, Parquet.Net's page pools and code) would otherwise come on top
/// of the JSONL path's peak.
/// </summary>
/// <remarks>
/// On <c>make bench BENCH=parquet</c> (3,000,000 comments in row groups of 122,880) the Parquet reader's process stood
/// 10-25 MB above the JSONL reader's at that peak; the managed heap alone was 10 MB larger.
/// </remarks>
internal sealed partial class ParquetReaderRoom : IDisposable
{
    /// <summary>What DuckDB gives up while a feed with Parquet files is staged (at most a quarter of its limit).</summary>
    public const long Allowance = 64L << 20;

    private readonly DuckDBConnection _connection;
    private readonly string _configured;

    private ParquetReaderRoom(DuckDBConnection connection, string configured)
    {
        _connection = connection;
        _configured = configured;
    }

    /// <summary>
    /// Lowers the limit of <paramref name="connection"/>'s database until the result is disposed, which sets it back to
    /// <paramref name="configured"/> (the setting the database was opened with: DuckDB shows its limit rounded, so the
    /// shown value is not set back). Null when DuckDB cannot give the memory up now (it holds more than the lowered
    /// limit and cannot evict it): staging then goes on under the configured limit.
    /// </summary>
    public static ParquetReaderRoom? Make(DuckDBConnection connection, string configured)
    {
        // The configured setting is exact ("1GB"); DuckDB shows its limit rounded ("953.6 MiB"), which serves when the
        // setting is in another form.
        var bytes = Bytes(configured) is > 0 and var exact ? exact : Bytes(connection.Scalar<string>("SELECT current_setting('memory_limit')"));
        if (bytes <= 0)
        {
            return null;
        }

        var lowered = bytes - Math.Min(Allowance, bytes / 4);
        try
        {
            connection.Execute(string.Create(CultureInfo.InvariantCulture, $"SET memory_limit = '{lowered / 1024}KiB'"));
        }
        catch (DuckDbException e) when (e.ErrorType == DuckDbErrorType.OutOfMemory)
        {
            // DuckDB keeps the lower limit even as it reports that it could not get down to it.
            new ParquetReaderRoom(connection, configured).Dispose();
            return null;
        }

        return new ParquetReaderRoom(connection, configured);
    }

    /// <summary>Sets the configured limit back; a failure here (the database already failed) does not hide the error that got us out.</summary>
    public void Dispose()
    {
        try
        {
            _connection.Execute("SET memory_limit = " + DuckDbSql.Literal(_configured));
        }
        catch (DuckDbException)
        {
            // The run is failing already, or the next statement reports the database's state.
        }
    }

    /// <summary>
    /// Bytes of a size as DuckDB shows or takes it (<c>953.6 MiB</c>, <c>1.0 GiB</c>, <c>512 bytes</c>, <c>4GB</c>); 0 when it
    /// is none of those (a percentage, <c>unlimited</c>).
    /// </summary>
    internal static long Bytes(string size)
    {
        var match = SizePattern().Match(size);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return 0;
        }

        var unit = match.Groups[2].Value.ToUpperInvariant() switch
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

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+)\s*$")]
    private static partial System.Text.RegularExpressions.Regex SizePattern();
}
