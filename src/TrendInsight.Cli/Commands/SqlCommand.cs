using System.CommandLine;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight sql "&lt;query&gt;" [--format table|csv|json] [--write [--out-dir DIR]]</c>: one DuckDB
/// statement against <c>data/warehouse.duckdb</c> and the lake's views.
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
        var output = new Option<DirectoryInfo?>("--out-dir") { Description = "With --write: a further folder that COPY … TO and EXPORT DATABASE may write under" };
        var command = new Command("sql", "Run one DuckDB statement against the warehouse and the lake (reads only the data folder)") { query, format, write, output };
        command.SetAction(result =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var writing = result.GetValue(write);
            var outFolder = result.GetValue(output)?.FullName;
            if (outFolder is not null && !writing)
            {
                throw new TrendInsightException("sql: --out-dir is for COPY … TO with --write; without --write, sql writes no file.");
            }

            var writable = new List<string> { layout.Reports };
            if (outFolder is not null)
            {
                writable.Add(outFolder);
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
            using var statement = conn.Prepare(sql);
            var target = new SqlGuard(writing, writable).Check(sql, statement.StatementType);
            if (target is not null)
            {
                // DuckDB creates no missing folder above a COPY target; the guard has put it under reports/ or --out-dir.
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            }

            using var reader = statement.ExecuteReader();
            ResultWriter.Write(reader, result.GetValue(format), Console.Out);
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
