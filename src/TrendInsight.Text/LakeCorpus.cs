using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Text;

/// <summary>
/// The text of the lake since a business date, for new-word discovery: normalised comments, content
/// titles, product titles and search queries (the <c>*_norm</c> columns of the raw lake). A feed with
/// no Parquet yet is skipped. Reads the lake through temporary views on an in-memory DuckDB, so it
/// never locks <c>warehouse.duckdb</c>.
/// </summary>
public static class LakeCorpus
{
    private static readonly string[] Feeds = ["comments", "content", "products", "search"];

    /// <summary>Every normalised text of the lake's feeds with <c>dt &gt;= since</c>, and how many came from each feed.</summary>
    public static (List<string> Lines, IReadOnlyDictionary<string, int> PerFeed) Read(DataLayout layout, DateOnly since, DuckDbConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        using var db = DuckDbDatabase.Open(null, config ?? new DuckDbConfig { Threads = 2, MemoryLimit = "1GB" });
        using var conn = db.Connect();
        var views = WarehouseCatalog.CreateTemporaryViews(conn, layout).ToHashSet(StringComparer.Ordinal);
        var lines = new List<string>();
        var perFeed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feed in Feeds.Where(views.Contains))
        {
            var before = lines.Count;
            using var reader = conn.ExecuteReader(Sql($"corpus_{feed}.sql"), ("since", since));
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }

            perFeed[feed] = lines.Count - before;
        }

        return (lines, perFeed);
    }

    private static string Sql(string name) =>
        EmbeddedText.Read(typeof(LakeCorpus).Assembly, $"TrendInsight.Text.Sql.{name}");
}
