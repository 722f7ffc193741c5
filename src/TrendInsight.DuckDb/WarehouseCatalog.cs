using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using TrendInsight.Core;
using TrendInsight.Core.Contract;

namespace TrendInsight.DuckDb;

/// <summary>
/// Keeps <c>data/warehouse.duckdb</c> a catalog of views over the Parquet lake, so notebooks and
/// <c>trendinsight sql</c> query the lake by name: <c>lake/raw/&lt;feed&gt;</c> → view <c>&lt;feed&gt;</c>,
/// <c>lake/terms</c> → <c>terms</c>, <c>lake/marts/&lt;name&gt;</c> → <c>&lt;name&gt;</c>, and for the marts that
/// hold one analysis per date, <c>latest_&lt;name&gt;</c>: the rows of the latest analysis date only. It also holds
/// the landing contract's <c>engagement_units</c> macro and <c>contract_segments</c> and <c>contract_actions</c> tables
/// (<see cref="ContractSql"/>), as the SQL models see them.
/// </summary>
/// <remarks>
/// A raw feed's view reads the files the ingest manifest committed (<see cref="CommittedLake"/>), listed
/// by name, never a folder glob: files of a run that did not commit, or dropped into a partition by hand,
/// are not read. Terms and marts (rewritten whole per partition by <c>analyze</c>) are read by a glob.
/// Every path is relative to the data folder, so a moved or copied folder keeps working and a copied
/// <c>warehouse.duckdb</c> never reads the original folder's lake: DuckDB resolves the paths against
/// <c>file_search_path</c>, which <see cref="DuckDbConfig.FromEngine"/> and these methods set to the data
/// folder, or against the working directory of a client opened in the data folder. DuckDB tries the
/// working directory first, so <c>trendinsight sql</c> works in the data folder.
/// </remarks>
public static partial class WarehouseCatalog
{
    /// <summary>Marts with one analysis per date that get a <c>latest_&lt;mart&gt;</c> view of their latest date.</summary>
    public static readonly IReadOnlyList<string> LatestMarts = ["topics", "trends"];

    /// <summary>
    /// (Re)creates the warehouse's views to match the lake as it is now; drops views whose folder is gone.
    /// Call it at the end of every stage that wrote lake data.
    /// </summary>
    public static IReadOnlyList<string> RefreshViews(DataLayout layout, DuckDbConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Directory.CreateDirectory(layout.Root);
        var views = Discover(layout);
        using var db = DuckDbDatabase.Open(layout.Warehouse, config);
        using var conn = db.Connect();
        SearchDataFolder(conn, layout);
        var latest = LatestViews(views);
        var existing = conn.Query(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()",
            r => r.GetString(0));
        foreach (var stale in existing.Where(v => !views.ContainsKey(v) && !latest.ContainsKey(v)))
        {
            conn.Execute($"DROP VIEW IF EXISTS {Identifier(stale)}");
        }

        foreach (var (name, source) in views)
        {
            conn.Execute(ViewSql(name, source, temporary: false));
        }

        foreach (var (name, mart) in latest)
        {
            conn.Execute(LatestViewSql(name, mart, temporary: false));
        }

        // The landing contract as the SQL models see it (engagement_units, contract_segments, contract_actions), for notebooks.
        conn.Execute(ContractSql.Script());
        return [.. views.Keys, .. latest.Keys];
    }

    /// <summary>Creates temporary views over the lake on <paramref name="connection"/> (for an in-memory session).</summary>
    public static IReadOnlyList<string> CreateTemporaryViews(DuckDBConnection connection, DataLayout layout)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(layout);
        // Temporary views live as long as the session: absolute paths, so the working directory never matters.
        var views = Discover(layout, absolute: true);
        foreach (var (name, source) in views)
        {
            connection.Execute(ViewSql(name, source, temporary: true));
        }

        var latest = LatestViews(views);
        foreach (var (name, mart) in latest)
        {
            connection.Execute(LatestViewSql(name, mart, temporary: true));
        }

        return [.. views.Keys, .. latest.Keys];
    }

    /// <summary>Makes DuckDB resolve relative paths against the data folder.</summary>
    public static void SearchDataFolder(DuckDBConnection connection, DataLayout layout)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(layout);
        // A database opened with DuckDbConfig.FromEngine has it already, and a sandboxed one (sql) refuses any SET.
        if (!string.Equals(connection.Scalar<string>("SELECT current_setting('file_search_path')"), layout.Root, StringComparison.Ordinal))
        {
            connection.Execute("SET file_search_path = " + Literal(layout.Root));
        }
    }

    /// <summary>
    /// The views the lake supports now: name → the first argument of <c>read_parquet</c> (a list of the
    /// committed files of a raw feed, or a glob for terms and marts), paths relative to the data folder.
    /// </summary>
    public static SortedDictionary<string, string> Discover(DataLayout layout, bool absolute = false)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var views = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var feed in CommittedLake.Load(layout).Files.GroupBy(f => f.Feed, StringComparer.Ordinal))
        {
            if (ViewName().IsMatch(feed.Key))
            {
                views[feed.Key] = "[" + string.Join(", ", feed.Select(f => Literal(absolute ? CommittedLake.FullPath(layout, f) : f.Path))) + "]";
            }
        }

        AddFolder(views, layout, "terms", layout.Terms, absolute);
        AddChildren(views, layout, layout.Marts, absolute);
        return views;
    }

    private static void AddChildren(SortedDictionary<string, string> views, DataLayout layout, string parent, bool absolute)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(parent).Order(StringComparer.Ordinal))
        {
            AddFolder(views, layout, Path.GetFileName(dir), dir, absolute);
        }
    }

    private static void AddFolder(SortedDictionary<string, string> views, DataLayout layout, string name, string folder, bool absolute)
    {
        if (!ViewName().IsMatch(name) || !Directory.Exists(folder))
        {
            return;
        }

        // The depth of Hive partition folders (key=value) above the files; temporary and hidden
        // entries (".tmp…", "*.tmp") are not data and never match the glob.
        int? depth = null;
        foreach (var file in Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories))
        {
            var parts = Path.GetRelativePath(folder, file).Split(Path.DirectorySeparatorChar);
            var dirs = parts[..^1];
            if (dirs.All(d => d.Contains('=', StringComparison.Ordinal) && !d.StartsWith('.')) && !parts[^1].StartsWith('.'))
            {
                depth = dirs.Length;
                break;
            }
        }

        if (depth is null)
        {
            return;
        }

        var relative = absolute ? folder : Path.GetRelativePath(layout.Root, folder).Replace(Path.DirectorySeparatorChar, '/');
        views[name] = Literal(relative + string.Concat(Enumerable.Repeat("/*=*", depth.Value)) + "/*.parquet");
    }

    private static SortedDictionary<string, string> LatestViews(SortedDictionary<string, string> views) =>
        new(LatestMarts.Where(views.ContainsKey).ToDictionary(m => "latest_" + m, m => m, StringComparer.Ordinal), StringComparer.Ordinal);

    // The latest analysis date of the mart, so a notebook's "what is rising now" never mixes dates.
    private static string LatestViewSql(string name, string mart, bool temporary) =>
        CreateView(name, $"SELECT * FROM {Identifier(mart)} WHERE dt = (SELECT max(dt) FROM {Identifier(mart)})", temporary);

    private static string ViewSql(string name, string source, bool temporary) =>
        CreateView(name, $"SELECT * FROM read_parquet({source}, hive_partitioning = true, union_by_name = true)", temporary);

    private static string CreateView(string name, string select, bool temporary) =>
        $"CREATE OR REPLACE {(temporary ? "TEMPORARY " : string.Empty)}VIEW {Identifier(name)} AS {select}";

    // DDL cannot take bound parameters: names are checked against ViewName and literals quoted.
    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex ViewName();
}
