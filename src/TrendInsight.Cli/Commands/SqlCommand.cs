using System.CommandLine;
using TrendInsight.Cli.Output;
using TrendInsight.DuckDb;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight sql "&lt;query&gt;" [--format table|csv|json|arrow] [--out FILE] [--write]</c>: DuckDB SQL
/// against <c>data/warehouse.duckdb</c> and the lake's views.
/// </summary>
public static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "DuckDB SQL; the lake's views (search, comments, terms, trends …) are available by name" };
        var format = new Option<ResultFormat>("--format") { Description = "Output format", DefaultValueFactory = _ => ResultFormat.Table };
        var write = new Option<bool>("--write") { Description = "Open the warehouse read-write (default: read-only)" };
        var output = new Option<string?>("--out")
        {
            Description = "Write the result to this file instead of standard output (arrow: a .arrow or .feather name gives the Arrow file format, any other the stream format)",
        };
        var command = new Command("sql", "Run DuckDB SQL against the warehouse and the lake") { query, format, write, output };
        command.SetAction(result =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var engine = DuckDbConfig.FromEngine(config.Engine, layout);
            using var db = OpenWarehouse(layout, engine, result.GetValue(write), out var temporaryViews);
            using var conn = db.Connect();
            if (temporaryViews)
            {
                WarehouseCatalog.CreateTemporaryViews(conn, layout);
            }

            var sql = result.GetValue(query)!;
            var path = result.GetValue(output);
            if (result.GetValue(format) == ResultFormat.Arrow)
            {
                using var command = conn.Command(sql);
                using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
                try
                {
                    ArrowResultWriter.Write(command, stream, ArrowResultWriter.IsFileFormat(path));
                }
                catch (DuckDB.NET.Data.DuckDBException ex)
                {
                    throw DuckDbErrors.From(ex, sql);
                }

                return 0;
            }

            using var reader = conn.ExecuteReader(sql);
            if (path is null)
            {
                ResultWriter.Write(reader, result.GetValue(format), Console.Out);
            }
            else
            {
                using var file = new StreamWriter(path);
                ResultWriter.Write(reader, result.GetValue(format), file);
            }

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
