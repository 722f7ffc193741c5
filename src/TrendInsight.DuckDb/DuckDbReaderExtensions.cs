using System.Data.Common;

namespace TrendInsight.DuckDb;

/// <summary>Reads a DuckDB result's columns by name, in the CLR types the project uses.</summary>
public static class DuckDbReaderExtensions
{
    /// <summary>Whether the named column of the current row is NULL.</summary>
    public static bool IsNull(this DbDataReader reader, string column) => Reader(reader).IsDBNull(reader.GetOrdinal(column));

    /// <summary>Whether the column of the current row is NULL.</summary>
    public static bool IsNull(this DbDataReader reader, int ordinal) => Reader(reader).IsDBNull(ordinal);

    public static string GetString(this DbDataReader reader, string column) => Reader(reader).GetString(reader.GetOrdinal(column));

    /// <summary>The text, or null when the column is NULL.</summary>
    public static string? GetStringOrNull(this DbDataReader reader, string column)
    {
        var ordinal = Reader(reader).GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static long GetInt64(this DbDataReader reader, string column) => Reader(reader).GetInt64(reader.GetOrdinal(column));

    public static int GetInt32(this DbDataReader reader, string column) => Reader(reader).GetInt32(reader.GetOrdinal(column));

    public static double GetDouble(this DbDataReader reader, string column) => Reader(reader).GetDouble(reader.GetOrdinal(column));

    public static decimal GetDecimal(this DbDataReader reader, string column) => Reader(reader).GetDecimal(reader.GetOrdinal(column));

    public static bool GetBoolean(this DbDataReader reader, string column) => Reader(reader).GetBoolean(reader.GetOrdinal(column));

    /// <summary>A DATE column.</summary>
    public static DateOnly GetDate(this DbDataReader reader, string column) => reader.GetDate(Reader(reader).GetOrdinal(column));

    /// <summary>A DATE column.</summary>
    public static DateOnly GetDate(this DbDataReader reader, int ordinal) => Reader(reader).GetFieldValue<DateOnly>(ordinal);

    /// <summary>A TIMESTAMPTZ column (in UTC).</summary>
    public static DateTimeOffset GetDateTimeOffset(this DbDataReader reader, string column) =>
        reader.GetDateTimeOffset(Reader(reader).GetOrdinal(column));

    /// <summary>A TIMESTAMPTZ column (in UTC).</summary>
    public static DateTimeOffset GetDateTimeOffset(this DbDataReader reader, int ordinal) =>
        Reader(reader).GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>A LIST of VARCHAR column.</summary>
    public static string?[] GetStringList(this DbDataReader reader, string column) => reader.GetStringList(Reader(reader).GetOrdinal(column));

    /// <summary>A LIST of VARCHAR column.</summary>
    public static string?[] GetStringList(this DbDataReader reader, int ordinal) =>
        [.. Reader(reader).GetFieldValue<List<string?>>(ordinal)];

    /// <summary>
    /// A column as a number, whatever its numeric type (DECIMAL, HUGEINT and the integers included).
    /// </summary>
    public static double GetNumber(this DbDataReader reader, int ordinal) => Reader(reader).GetValue(ordinal) switch
    {
        double d => d,
        decimal m => (double)m,
        System.Numerics.BigInteger b => (double)b,
        var other => Convert.ToDouble(other, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The value in its natural CLR type, or null: TIMESTAMPTZ as <see cref="DateTimeOffset"/> (UTC), a LIST as an
    /// array of its items, everything else as DuckDB.NET gives it.
    /// </summary>
    public static object? GetNaturalValue(this DbDataReader reader, int ordinal)
    {
        if (Reader(reader).IsDBNull(ordinal))
        {
            return null;
        }

        if (string.Equals(reader.GetDataTypeName(ordinal), "TimestampTz", StringComparison.OrdinalIgnoreCase))
        {
            return reader.GetFieldValue<DateTimeOffset>(ordinal);
        }

        return reader.GetValue(ordinal) switch
        {
            System.Collections.IList list and not Array => list.Cast<object?>().ToArray() is var items && items.All(i => i is null or string)
                ? items.Select(i => (string?)i).ToArray()
                : items,
            var value => value,
        };
    }

    private static DbDataReader Reader(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader;
    }
}
