using System.CommandLine;
using TrendInsight.Cli.Output;
using TrendInsight.DuckDb;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight sql "&lt;query&gt;" [--format table|csv|json] [--write]</c>: DuckDB SQL against
/// <c>data/warehouse.duckdb</c> and the lake's views.
/// </summary>
public static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "DuckDB SQL; the lake's views (search, comments, terms, trends …) are available by name" };
        var format = new Option<ResultFormat>("--format") { Description = "Output format", DefaultValueFactory = _ => ResultFormat.Table };
        var write = new Option<bool>("--write") { Description = "Open the warehouse read-write (default: read-only)" };
        var command = new Command("sql", "Run DuckDB SQL against the warehouse and the lake") { query, format, write };
        command.SetAction(result =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var engine = DuckDbConfig.FromEngine(config.Engine, layout);

            // The warehouse's views name lake files relative to the data folder, and DuckDB resolves a relative
            // path against the working directory before file_search_path: from inside another data folder, a
            // copied warehouse would read that folder's lake.
            if (Directory.Exists(layout.Root))
            {
                Directory.SetCurrentDirectory(layout.Root);
            }

            using var db = OpenWarehouse(layout, engine, result.GetValue(write), out var temporaryViews);
            using var conn = db.Connect();
            if (temporaryViews)
            {
                WarehouseCatalog.CreateTemporaryViews(conn, layout);
            }

            using var reader = conn.ExecuteReader(result.GetValue(query)!);
            ResultWriter.Write(reader, result.GetValue(format), Console.Out);
            return 0;
        });
        return command;
    }

    private static DuckDbDatabase OpenWarehouse(Core.DataLayout layout, DuckDbConfig engine, bool write, out bool temporaryViews)
    {
        if (write)
        {
            Directory.CreateDirectory(layout.Root);
            temporaryViews = false;
            return DuckDbDatabase.Open(layout.Warehouse, engine);
        }

        if (File.Exists(layout.Warehouse))
        {
            temporaryViews = false;
            engine.ReadOnly = true;
            return DuckDbDatabase.Open(layout.Warehouse, engine);
        }

        // No warehouse yet (nothing ingested, or a lake copied without it): the same views, in memory.
        temporaryViews = true;
        return DuckDbDatabase.Open(null, engine);
    }
}
