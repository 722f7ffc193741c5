using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.Core.Pipeline;
using TrendInsight.Ingest;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight ingest [--feed F] [--landing DIR]</c>: every new landing file into the Parquet lake,
/// with progress on stderr (files, rows/s) and a summary table per feed on stdout; recorded in the run history. Exit code 0 when every row was accepted
/// (or a duplicate), <see cref="RejectedExitCode"/> when a row was quarantined or a file rejected.
/// </summary>
public static class IngestCommand
{
    /// <summary>The exit code of <c>ingest</c> and <c>run</c> when rows were quarantined or files rejected: the run itself succeeded.</summary>
    public const int RejectedExitCode = ExitCodes.Rejected;

    public static Command Create()
    {
        var feed = new Option<string?>("--feed")
        {
            Description = "Only this feed: " + string.Join(", ", Feeds.All),
        };
        feed.AcceptOnlyFromAmong([.. Feeds.All]);
        var landing = new Option<DirectoryInfo?>("--landing")
        {
            Description = "Landing folder holding <feed>/ subfolders (default: <data>/landing)",
        };

        var command = new Command("ingest", "Validate, deduplicate and write new landing files to the Parquet lake") { feed, landing };
        command.SetAction(async (result, cancellationToken) =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var landingFolder = CliContext.LandingFolder(result.GetValue(landing)?.FullName, layout);
            using var loggers = RunCommand.FileLoggers(layout, TimeProvider.System);
            var service = new IngestService(config, TimeProvider.System, loggers)
            {
                LandingFolder = landingFolder,
            };

            var steps = RunCommand.CreateSteps(config, layout, TimeProvider.System, loggers, ingest: service);
            IngestSummary summary = null!;
            await ProgressDisplay.RunAsync(async display =>
            {
                var step = display.Add("ingest: scanning landing files", describe: p => "ingest: " + p.Message);
                summary = await steps.IngestAsync(result.GetValue(feed), 1, step, cancellationToken);
                step.Finish(string.Create(CultureInfo.InvariantCulture, $"ingest: {summary.Accepted:N0} rows accepted"));
            });

            var table = new Table().Title("ingest")
                .AddColumns("feed", "files", "skipped", "rows read", "accepted", "quarantined", "duplicates", "replaced");
            var reasons = new Table().Title("quarantined by reason").AddColumns("feed", "reason", "rows");
            var unknown = new Table().Title("segment values outside the contract (kept as unknown; map them in ingest.spellings)")
                .AddColumns("feed", "field", "value", "rows");
            var rejected = new Table().Title("landing files rejected").AddColumns("feed", "file", "reason", "detail");
            foreach (var t in service.LastFeeds)
            {
                foreach (var (file, reason, detail) in t.RejectedFiles)
                {
                    rejected.AddRow(t.Feed, Markup.Escape(file), Markup.Escape(reason), Markup.Escape(detail));
                }

                table.AddRow(t.Feed, N(t.FilesProcessed), N(t.FilesSkipped), N(t.RowsRead), N(t.Accepted), N(t.Quarantined), N(t.Duplicates), N(t.Replaced));
                foreach (var (reason, rows) in t.Reasons)
                {
                    reasons.AddRow(t.Feed, Markup.Escape(reason), N(rows));
                }

                foreach (var ((field, value), rows) in t.UnknownSegments)
                {
                    unknown.AddRow(t.Feed, field, Markup.Escape(value), N(rows));
                }
            }

            table.AddRow("total", N(summary.FilesProcessed), N(summary.FilesSkipped), N(summary.RowsRead), N(summary.Accepted),
                N(summary.Quarantined), N(summary.Duplicates), string.Empty);
            TableWriter.Write(table);
            if (reasons.Rows.Count > 0)
            {
                TableWriter.Write(reasons);
            }

            if (rejected.Rows.Count > 0)
            {
                TableWriter.Write(rejected);
            }

            if (unknown.Rows.Count > 0)
            {
                TableWriter.Write(unknown);
            }

            // One plain line an entry: a path and its reason stay whole whatever the terminal's width.
            foreach (var r in summary.Refused)
            {
                Console.Out.WriteLine($"not read: {r.Path}: {r.Reason}");
            }

            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"rows read {summary.RowsRead:N0} = accepted {summary.Accepted:N0} + quarantined {summary.Quarantined:N0} + duplicates {summary.Duplicates:N0}; "
                + $"{summary.PartitionsWritten.Count} partition{(summary.PartitionsWritten.Count == 1 ? string.Empty : "s")} written; lake {layout.Raw}")
                + (summary.Refused.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {summary.Refused.Count} landing entries not read (see above)") : string.Empty)));
            foreach (var (from, to) in summary.Orphans)
            {
                AnsiConsole.MarkupLine("[yellow]" + Markup.Escape($"moved aside: {from} -> {to} (no run of the manifest wrote it)") + "[/]");
            }

            if (summary.MissingLakeFiles.Count > 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"error: the lake is damaged: {summary.MissingLakeFiles.Count:N0} committed files are missing or changed, e.g. {summary.MissingLakeFiles[0]}; run `trendinsight verify`, then `trendinsight repair --reingest`"));
                return 1;
            }

            if (summary.FilesRejected > 0)
            {
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{summary.FilesRejected} files rejected")));
            }

            return summary.AnythingRejected ? RejectedExitCode : 0;
        });
        return command;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
