using System.CommandLine;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight sql "&lt;query&gt;" [--format table|csv|json|arrow] [--out FILE] [--write [--out-dir DIR]]</c>: one
/// DuckDB statement against <c>data/warehouse.duckdb</c> and the lake's views.
/// </summary>
/// <remarks>
/// The statement runs in the data folder (relative paths are taken from it, as the views' are).
/// DuckDB may open files only under the data folder (and <c>--out-dir</c>): no other file, no network, no
/// extension install or load, and the statement cannot SET that back. Without <c>--write</c> the
/// warehouse is read-only and no statement writes a file (COPY, EXPORT, ATTACH refused); with it the
/// warehouse takes tables and views, and COPY … TO / EXPORT DATABASE write only under
/// <c>reports/</c> or <c>--out-dir</c>, never into the lake, landing, quarantine or state.
/// </remarks>
public static class SqlCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "One DuckDB statement; the lake's views (search, comments, terms, trends …) are available by name" };
        var format = new Option<ResultFormat>("--format") { Description = "Output format", DefaultValueFactory = _ => ResultFormat.Table };
        var write = new Option<bool>("--write")
        {
            Description = "Open the warehouse read-write (your own tables and views) and allow COPY … TO / EXPORT DATABASE under <data>/reports/ or --out-dir (default: read-only, writes no file)",
        };
        var outFolder = new Option<DirectoryInfo?>("--out-dir") { Description = "With --write: a further folder that COPY … TO and EXPORT DATABASE may write under" };
        var output = new Option<string?>("--out")
        {
            Description = "Write the result to this file instead of standard output (arrow: a .arrow or .feather name gives the Arrow file format, any other the stream format)",
        };
        var command = new Command("sql", "Run one DuckDB statement against the warehouse and the lake (reads only the data folder)") { query, format, write, outFolder, output };
        command.SetAction(result =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var writing = result.GetValue(write);
            var outDir = result.GetValue(outFolder)?.FullName;
            // The result file is the CLI's own output, named relative to where sql was started.
            var path = result.GetValue(output) is { } named ? Path.GetFullPath(named) : null;
            if (outDir is not null && !writing)
            {
                throw new TrendInsightException("sql: --out-dir is for COPY … TO with --write; without --write, sql writes no file.");
            }

            var writable = new List<string> { layout.Reports };
            if (outDir is not null)
            {
                writable.Add(outDir);
            }

            // DuckDB checks a relative path against allowed_directories as taken from the working folder,
            // and the warehouse's views name lake files relative to the data folder: both hold only when
            // the statement runs in the data folder, so relative paths in sql are relative to it.
            if (Directory.Exists(layout.Root))
            {
                Environment.CurrentDirectory = layout.Root;
            }

            var engine = DuckDbConfig.FromEngine(config.Engine, layout);
            engine.AllowedDirectories = [layout.Root, .. writable.Skip(1)];
            engine.LockConfiguration = true;
            using var db = OpenWarehouse(layout, engine, writing, out var temporaryViews);
            using var conn = db.Connect();
            if (temporaryViews)
            {
                WarehouseCatalog.CreateTemporaryViews(conn, layout);
            }

            var sql = result.GetValue(query)!;
            var target = new SqlGuard(writing, writable).Check(sql);
            if (target is not null)
            {
                // DuckDB creates no missing folder above a COPY target; the guard has put it under reports/ or --out-dir.
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            }

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

    private static DuckDbDatabase OpenWarehouse(DataLayout layout, DuckDbConfig engine, bool write, out bool temporaryViews)
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
