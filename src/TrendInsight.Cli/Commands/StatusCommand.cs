using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Ingest;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight status</c>: ingest runs (last runs; totals per feed with read, accepted, quarantined by
/// reason, duplicates, skipped files) and the lake's partitions with row and quarantine counts.
/// </summary>
/// <remarks>
/// Other parts of the status live in further partial files of this class: implement
/// <see cref="RenderMoreSections"/> (e.g. in <c>StatusCommand.Jobs.cs</c>) to print after the ingest sections.
/// </remarks>
public static partial class StatusCommand
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "How many recent ingest runs to list", DefaultValueFactory = _ => 10 };
        var command = new Command("status", "Ingest runs, per-feed totals, lake partitions and quarantine counts") { runs };
        command.SetAction(result =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            RenderIngest(layout, result.GetValue(runs));
            RenderMoreSections(layout, config);
            return 0;
        });
        return command;
    }

    /// <summary>Hook for further status sections (scheduler jobs …), printed after ingest's.</summary>
    static partial void RenderMoreSections(DataLayout layout, PipelineConfig config);

    private static void RenderIngest(DataLayout layout, int lastRuns)
    {
        IngestStatus? status;
        try
        {
            status = IngestStatus.Read(layout, lastRuns);
        }
        catch (TrendInsightException ex)
        {
            // An ingest holds the manifest, or it is unreadable: say so and go on with the sections that do not need it.
            AnsiConsole.MarkupLine((ex.IsTransient ? "[yellow]ingest:[/] " : "[red]ingest:[/] ") + Markup.Escape(ex.Message));
            return;
        }

        if (status is null)
        {
            AnsiConsole.MarkupLine(Directory.Exists(layout.Raw) && Directory.EnumerateFiles(layout.Raw, "*", SearchOption.AllDirectories).Any()
                ? "[red]" + Markup.Escape($"ingest: the manifest {layout.Manifest} is missing but the lake holds files; run `trendinsight repair` to rebuild it from the lake") + "[/]"
                : Markup.Escape($"ingest: no runs yet in {layout.Root}"));
            return;
        }

        AnsiConsole.MarkupLine(status.MissingFiles.Count == 0
            ? Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"lake: {status.CommittedFiles:N0} committed files, all present (`trendinsight verify` checks their checksums)"))
            : "[red]" + Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"lake: {status.MissingFiles.Count:N0} of {status.CommittedFiles:N0} committed files missing or changed, e.g. {status.MissingFiles[0]}; run `trendinsight verify`, then `trendinsight repair --reingest`")) + "[/]");

        var runs = new Table().Title("last ingest runs")
            .AddColumns("run", "started (UTC)", "feed", "files", "skipped", "read", "accepted", "quarantined", "duplicates", "replaced");
        foreach (var r in status.LastRuns)
        {
            runs.AddRow(r.RunId, r.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.Feed ?? "all",
                N(r.FilesProcessed), N(r.FilesSkipped), N(r.RowsRead), N(r.Accepted), N(r.Quarantined), N(r.Duplicates), N(r.Replaced));
        }

        AnsiConsole.Write(runs);

        var feeds = new Table().Title("totals per feed (all runs)")
            .AddColumns("feed", "runs", "files", "skipped", "read", "accepted", "quarantined", "duplicates", "replaced", "read = acc+quar+dup");
        foreach (var f in status.Feeds)
        {
            var holds = f.RowsRead == f.Accepted + f.Quarantined + f.Duplicates;
            feeds.AddRow(f.Feed, N(f.Runs), N(f.FilesProcessed), N(f.FilesSkipped), N(f.RowsRead), N(f.Accepted), N(f.Quarantined),
                N(f.Duplicates), N(f.Replaced), holds ? "yes" : "[red]NO[/]");
        }

        AnsiConsole.Write(feeds);

        var reasons = new Table().Title("quarantined by reason (all runs)").AddColumns("feed", "reason", "rows");
        foreach (var r in status.Reasons)
        {
            reasons.AddRow(r.Feed, Markup.Escape(r.Reason), N(r.Rows));
        }

        AnsiConsole.Write(reasons);

        if (status.RejectedFiles.Count > 0)
        {
            var rejected = new Table().Title("landing files rejected (latest)").AddColumns("run", "feed", "file", "reason", "detail");
            foreach (var f in status.RejectedFiles)
            {
                rejected.AddRow(Markup.Escape(f.RunId), f.Feed, Markup.Escape(f.File), Markup.Escape(f.Reason), Markup.Escape(f.Detail));
            }

            AnsiConsole.Write(rejected);
        }

        var partitions = new Table().Title("lake partitions")
            .AddColumns("feed", "dt", "lake rows", "files", "quarantined rows");
        foreach (var p in status.Partitions)
        {
            partitions.AddRow(p.Feed, BusinessCalendar.Format(p.Dt), N(p.LakeRows), N(p.LakeFiles), N(p.QuarantineRows));
        }

        AnsiConsole.Write(partitions);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
