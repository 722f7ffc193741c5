using System.Globalization;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace TrendInsight.Simulation;

/// <summary>
/// The rows of one landing file as a warehouse extract in Parquet, written with Parquet.Net: typed columns (a UTC
/// timestamp, whole numbers as INT64, money as DECIMAL(18,2), tags as a list of strings, the rest strings; all
/// nullable, an absent field is null), in row groups of <see cref="RowGroupRows"/> rows. The rows of a file are
/// kept until it is closed (a day's file of one feed).
/// </summary>
internal sealed class ParquetLandingWriter
{
    /// <summary>Small enough that a day's file has several row groups, as a large extract has.</summary>
    public const int RowGroupRows = 2048;

    private static readonly string[] Money = ["gmv", "price"];
    private readonly FeedSchema _schema;
    private readonly ParquetSchema _parquet;
    private readonly List<IDictionary<string, object?>> _rows = [];

    public ParquetLandingWriter(FeedSchema schema)
    {
        _schema = schema;
        _parquet = new ParquetSchema(schema.Columns.Select((c, i) => FieldOf(c, schema.IsNumeric[i])));
    }

    public void Add(Row row)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var columns = _schema.Columns;
        for (var i = 0; i < columns.Length; i++)
        {
            var name = columns[i];
            var text = row.Values[i];
            values[name] = name switch
            {
                "ts" => text is null ? null : Instant(text),
                "tags" => row.Tags?.Select(t => (ReadOnlyMemory<char>?)t.AsMemory()).ToList() ?? [],
                _ when text is null => null,
                _ when Money.Contains(name, StringComparer.Ordinal) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ when _schema.IsNumeric[i] => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                _ => text,
            };
        }

        _rows.Add(values);
    }

    public void WriteTo(Stream stream) =>
        ParquetSerializer.SerializeUntypedAsync(_rows, _parquet, stream, new ParquetOptions { RowGroupSize = RowGroupRows }).GetAwaiter().GetResult();

    private static Field FieldOf(string column, bool numeric) => column switch
    {
        "ts" => new DateTimeDataField("ts", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true),
        "tags" => new ListField("tags", new DataField<string>("element")),
        _ when Money.Contains(column, StringComparer.Ordinal) => new DecimalDataField(column, 18, 2, isNullable: true),
        _ when numeric => new DataField<long?>(column),
        _ => new DataField<string>(column),
    };

    /// <summary>The simulator's timestamp text (ISO-8601 with an offset, epoch milliseconds, or Shanghai wall-clock time) as UTC.</summary>
    private static DateTime Instant(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        }

        if (text.EndsWith('Z') || text.Length > 19 && text[^6] is '+' or '-')
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
        }

        var local = DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(local, TimeSpan.FromHours(8)).UtcDateTime;
    }
}
