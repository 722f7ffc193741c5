using System.Globalization;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using TrendInsight.Core;

namespace TrendInsight.DuckDb;

/// <summary>
/// Keeps <c>data/warehouse.duckdb</c> a catalog of views over the Parquet lake, so notebooks and
/// <c>trendinsight sql</c> query the lake by name: <c>lake/raw/&lt;feed&gt;</c> → view <c>&lt;feed&gt;</c>,
/// <c>lake/terms</c> → <c>terms</c>, <c>lake/marts/&lt;name&gt;</c> → <c>&lt;name&gt;</c>. Views read the
/// Hive-partitioned files with their absolute paths; a folder without Parquet gets no view.
/// </summary>
public static partial class WarehouseCatalog
{
    /// <summary>
    /// (Re)creates the warehouse's views to match the lake as it is now; drops views whose folder is gone.
    /// Call it at the end of every stage that wrote lake data.
    /// </summary>
    public static IReadOnlyList<string> RefreshViews(DataLayout layout, DuckDbConfig? config = null)
    {
        Directory.CreateDirectory(layout.Root);
        using var db = DuckDbDatabase.Open(layout.Warehouse, config);
        using var conn = db.Connect();
        var views = Discover(layout);
        var existing = conn.Query(
            "SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' AND database_name = current_database()",
            r => r.GetString(0));
        foreach (var stale in existing.Where(v => !views.ContainsKey(v)))
        {
            conn.Execute($"DROP VIEW IF EXISTS {Identifier(stale)}");
        }

        foreach (var (name, glob) in views)
        {
            conn.Execute(ViewSql(name, glob, temporary: false));
        }

        return views.Keys.ToList();
    }

    /// <summary>Creates temporary views over the lake on <paramref name="connection"/> (for an in-memory session).</summary>
    public static IReadOnlyList<string> CreateTemporaryViews(DuckDBConnection connection, DataLayout layout)
    {
        var views = Discover(layout);
        foreach (var (name, glob) in views)
        {
            connection.Execute(ViewSql(name, glob, temporary: true));
        }

        return views.Keys.ToList();
    }

    /// <summary>The views the lake supports now: name → Parquet glob.</summary>
    public static SortedDictionary<string, string> Discover(DataLayout layout)
    {
        var views = new SortedDictionary<string, string>(StringComparer.Ordinal);
        AddChildren(views, layout.Raw);
        AddFolder(views, "terms", layout.Terms);
        AddChildren(views, layout.Marts);
        return views;
    }

    private static void AddChildren(SortedDictionary<string, string> views, string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var dir in Directory.EnumerateDirectories(parent).Order(StringComparer.Ordinal))
        {
            AddFolder(views, Path.GetFileName(dir), dir);
        }
    }

    private static void AddFolder(SortedDictionary<string, string> views, string name, string folder)
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

        var glob = folder + string.Concat(Enumerable.Repeat("/*=*", depth.Value)) + "/*.parquet";
        views[name] = glob;
    }

    private static string ViewSql(string name, string glob, bool temporary) => string.Create(
        CultureInfo.InvariantCulture,
        $"CREATE OR REPLACE {(temporary ? "TEMPORARY " : string.Empty)}VIEW {Identifier(name)} AS "
        + $"SELECT * FROM read_parquet({Literal(glob)}, hive_partitioning = true, union_by_name = true)");

    // DDL cannot take bound parameters: names are checked against ViewName and literals quoted.
    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex ViewName();
}
