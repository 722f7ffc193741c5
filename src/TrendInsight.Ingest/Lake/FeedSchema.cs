using TrendInsight.Core;

namespace TrendInsight.Ingest.Lake;

/// <summary>
/// The raw lake columns of one feed, in file order, as pipelines/README.md lists them (without
/// <c>dt</c>, which is the partition folder). Staging adds <c>dt</c>, <c>file_seq</c> and <c>line</c>.
/// </summary>
internal sealed class FeedSchema
{
    private FeedSchema(string feed, string key, bool latestWins, params (string Name, ColumnType Type)[] columns)
    {
        Feed = feed;
        Key = key;
        LatestWins = latestWins;
        Columns = columns;
    }

    public string Feed { get; }

    /// <summary>The unique key: <c>event_id</c>, <c>content_id</c> or <c>product_id</c>.</summary>
    public string Key { get; }

    /// <summary>True for content and products: the latest version per key is kept; otherwise the first event wins and later ones are duplicates.</summary>
    public bool LatestWins { get; }

    public IReadOnlyList<(string Name, ColumnType Type)> Columns { get; }

    public static FeedSchema For(string feed) => feed switch
    {
        Feeds.Search => Search,
        Feeds.Comments => Comments,
        Feeds.Engagement => Engagement,
        Feeds.Content => Content,
        Feeds.Products => Products,
        _ => throw new TrendInsightException($"Unknown feed '{feed}'; known feeds: {string.Join(", ", Feeds.All)}"),
    };

    private static readonly (string, ColumnType)[] Segments =
    [
        ("user_id", ColumnType.Text), ("age_band", ColumnType.Text), ("gender", ColumnType.Text),
        ("city_tier", ColumnType.Text), ("platform", ColumnType.Text),
    ];

    private static readonly FeedSchema Search = new(Feeds.Search, "event_id", false,
        [("event_id", ColumnType.Text), ("ts", ColumnType.Timestamp), ("query", ColumnType.Text), ("query_norm", ColumnType.Text),
         ("count", ColumnType.Int64), .. Segments, ("source_file", ColumnType.Text)]);

    private static readonly FeedSchema Comments = new(Feeds.Comments, "event_id", false,
        [("event_id", ColumnType.Text), ("ts", ColumnType.Timestamp), ("content_id", ColumnType.Text), ("text", ColumnType.Text),
         ("text_norm", ColumnType.Text), ("likes", ColumnType.Int64), .. Segments, ("source_file", ColumnType.Text)]);

    private static readonly FeedSchema Engagement = new(Feeds.Engagement, "event_id", false,
        [("event_id", ColumnType.Text), ("ts", ColumnType.Timestamp), ("content_id", ColumnType.Text), ("action", ColumnType.Text),
         ("count", ColumnType.Int64), ("gmv", ColumnType.Decimal), .. Segments, ("source_file", ColumnType.Text)]);

    private static readonly FeedSchema Content = new(Feeds.Content, "content_id", true,
        [("content_id", ColumnType.Text), ("ts", ColumnType.Timestamp), ("title", ColumnType.Text), ("title_norm", ColumnType.Text),
         ("tags", ColumnType.TextList), ("tags_norm", ColumnType.TextList), ("author_id", ColumnType.Text),
         ("category", ColumnType.Text), ("platform", ColumnType.Text), ("source_file", ColumnType.Text)]);

    private static readonly FeedSchema Products = new(Feeds.Products, "product_id", true,
        [("product_id", ColumnType.Text), ("ts", ColumnType.Timestamp), ("title", ColumnType.Text), ("title_norm", ColumnType.Text),
         ("category", ColumnType.Text), ("price", ColumnType.Decimal), ("sales", ColumnType.Int64), ("shop_id", ColumnType.Text),
         ("source_file", ColumnType.Text)]);

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
        [.. Columns.Where(c => !IsSourceFile(c.Name)).Select(c => DuckType(c.Type)), "DATE", "INTEGER", "BIGINT"];

    /// <summary>
    /// The lake columns selected from the staging table. Staging leaves out what it can rebuild: a normalised
    /// text equal to the original is null there (most text is already normal), and <c>source_file</c> is the
    /// name of file <c>file_seq</c> in <paramref name="sourceFiles"/>.
    /// </summary>
    public string LakeSelect(IReadOnlyList<string> sourceFiles) => string.Join(", ", Columns.Select(c =>
        IsSourceFile(c.Name) ? $"([{string.Join(", ", sourceFiles.Select(DuckDb.DuckDbSql.Literal))}]::VARCHAR[])[file_seq + 1] AS source_file"
        : c.Name == Key ? $"row_key AS \"{c.Name}\""
        : c.Type == ColumnType.Text && c.Name.EndsWith("_norm", StringComparison.Ordinal) ? $"coalesce(\"{c.Name}\", \"{c.Name[..^5]}\") AS \"{c.Name}\""
        : $"\"{c.Name}\""));

    private static bool IsSourceFile(string column) => column == "source_file";

}
