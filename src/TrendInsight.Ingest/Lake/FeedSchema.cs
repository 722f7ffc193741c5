using TrendInsight.Core;
using TrendInsight.Core.Contract;

namespace TrendInsight.Ingest.Lake;

/// <summary>
/// The raw lake columns of one feed, in file order, as its <see cref="LandingContract"/> fields give them (a text or
/// tags field is followed by its normalised form), then <c>source_file</c>; without <c>dt</c>, which is the partition
/// folder. Staging adds <c>dt</c>, <c>file_seq</c> and <c>line</c>.
/// </summary>
internal sealed class FeedSchema
{
    private static readonly Dictionary<string, FeedSchema> ByFeed =
        LandingContract.Feeds.ToDictionary(f => f.Feed, f => new FeedSchema(f), StringComparer.Ordinal);

    private readonly Dictionary<string, int> _index;

    private FeedSchema(FeedContract contract)
    {
        Contract = contract;
        var columns = new List<(string Name, ColumnType Type)>();
        foreach (var f in contract.Fields)
        {
            var type = f.Type switch
            {
                FieldType.Timestamp => ColumnType.Timestamp,
                FieldType.Count => ColumnType.Int64,
                FieldType.Amount => ColumnType.Decimal,
                FieldType.Tags => ColumnType.TextList,
                _ => ColumnType.Text,
            };
            columns.Add((f.Name, type));
            if (f.NormalisedColumn is { } norm)
            {
                columns.Add((norm, type));
            }
        }

        columns.Add(("source_file", ColumnType.Text));
        Columns = columns;
        Codes = [.. columns.Select(c => CodesOf(contract, c.Name))];
        _index = columns.Select((c, i) => (c.Name, i)).ToDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
    }

    /// <summary>The feed's landing contract.</summary>
    public FeedContract Contract { get; }

    public string Feed => Contract.Feed;

    /// <summary>The unique key: <c>event_id</c>, <c>content_id</c> or <c>product_id</c>.</summary>
    public string Key => Contract.Key;

    /// <summary>True for content and products: the latest version per key is kept; otherwise the first event wins and later ones are duplicates.</summary>
    public bool LatestWins => Contract.LatestWins;

    public IReadOnlyList<(string Name, ColumnType Type)> Columns { get; }

    /// <summary>
    /// Per column, the values a segment or action column can hold (the contract's, and <c>unknown</c> for a segment),
    /// else null. Staging keeps such a column as an ENUM, a byte a row: a text column costs DuckDB a string copy and
    /// statistics for every value; the lake column is text all the same.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>?> Codes { get; }

    private static IReadOnlyList<string>? CodesOf(FeedContract contract, string column) =>
        contract.Fields.FirstOrDefault(f => f.Name == column) is not { } field ? null
        : field.Type == FieldType.Segment ? [.. LandingContract.Segment(field.Name)!.Values.Select(v => v.Value), LandingContract.Unknown]
        : field.Type == FieldType.Action ? [.. LandingContract.Actions.Select(a => a.Value)]
        : null;

    public static FeedSchema For(string feed) => ByFeed.TryGetValue(feed, out var schema) ? schema
        : throw new TrendInsightException($"Unknown feed '{feed}'; known feeds: {string.Join(", ", Feeds.All)}");

    /// <summary>The position of lake column <paramref name="column"/>; throws for a column the feed does not have.</summary>
    public int IndexOf(string column) => _index.TryGetValue(column, out var i) ? i
        : throw new ArgumentOutOfRangeException(nameof(column), column, $"not a lake column of {Feed}");

    /// <summary>DuckDB type of a column.</summary>
    public static string DuckType(ColumnType type) => type switch
    {
        ColumnType.Text => "VARCHAR",
        ColumnType.Timestamp => "TIMESTAMPTZ",
        ColumnType.Int64 => "BIGINT",
        ColumnType.Decimal => "DECIMAL(18,2)",
        ColumnType.TextList => "VARCHAR[]",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// The staging table's DDL: generated from the fixed schema above, never from input. The key column (the
    /// first) is named <c>row_key</c> there, so that the dedup scripts serve every feed.
    /// </summary>
    public string StagingDdl(string table) =>
        $"CREATE OR REPLACE TABLE {table} ("
        + string.Join(", ", StagingColumns.Zip(StagingTypes).Select(c => $"\"{c.First}\" {c.Second}"))
        + ")";

    /// <summary>The staging table's column names, in order (see <see cref="StagingDdl"/>).</summary>
    public IReadOnlyList<string> StagingColumns =>
        [.. Columns.Where(c => !IsSourceFile(c.Name)).Select(c => c.Name == Key ? "row_key" : c.Name), "dt", "file_seq", "line"];

    private IEnumerable<string> StagingTypes =>
        [.. Columns.Select((c, i) => (c, i)).Where(c => !IsSourceFile(c.c.Name)).Select(c => Codes[c.i] is { } codes
            ? "ENUM(" + string.Join(", ", codes.Select(DuckDb.DuckDbSql.Literal)) + ")" : DuckType(c.c.Type)), "DATE", "INTEGER", "BIGINT"];

    /// <summary>
    /// The lake columns selected from the staging table. Staging leaves out what it can rebuild: a normalised
    /// text equal to the original is null there (most text is already normal), and <c>source_file</c> is the
    /// name of file <c>file_seq</c> in <paramref name="sourceFiles"/>.
    /// </summary>
    /// <remarks>
    /// A segment or action column goes to Parquet as the ENUM it is staged as: DuckDB writes an ENUM as a UTF-8 string
    /// column (the same schema as VARCHAR's) whose dictionary is the ENUM's values, so it hashes no value to build one.
    /// As VARCHAR, the writer hashed every value of those columns twice, to find the dictionary and to look each up.
    /// The column chunk's statistics then describe the dictionary (min/max over all its values, not exact).
    /// </remarks>
    public string LakeSelect(IReadOnlyList<string> sourceFiles) => string.Join(", ", Columns.Select((c, i) =>
        IsSourceFile(c.Name) ? $"([{string.Join(", ", sourceFiles.Select(DuckDb.DuckDbSql.Literal))}]::VARCHAR[])[file_seq + 1] AS source_file"
        : c.Name == Key ? $"row_key AS \"{c.Name}\""
        : c.Type == ColumnType.Text && c.Name.EndsWith("_norm", StringComparison.Ordinal) ? $"coalesce(\"{c.Name}\", \"{c.Name[..^5]}\") AS \"{c.Name}\""
        : $"\"{c.Name}\""));

    private static bool IsSourceFile(string column) => column == "source_file";

}
