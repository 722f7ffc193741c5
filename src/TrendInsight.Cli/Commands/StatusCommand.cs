using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Ingest;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight status [--runs N] [--partitions]</c>: a summary first (freshness per feed, the last run of each
/// stage, failures, what the last ingest quarantined and kept as unknown, whether a scheduler runs), then ingest
/// runs, per-feed totals, quarantine reasons and the lake's partitions (as ranges of days unless
/// <c>--partitions</c>), then the scheduler's runs and triggers. Times are in the configured <c>time_zone</c>.
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
        var partitions = new Option<bool>("--partitions") { Description = "List every lake partition (default: ranges of consecutive days)" };
        var command = new Command("status", "Summary, ingest runs, per-feed totals, lake partitions, quarantine and the scheduler") { runs, partitions };
        command.SetAction(result =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var zone = config.DisplayZone();
            IngestStatus? status = null;
            string? unavailable = null;
            try
            {
                status = IngestStatus.Read(layout, result.GetValue(runs));
            }
            catch (TrendInsightException ex)
            {
                // An ingest holds the manifest, or it is unreadable: say so and go on with what does not need it.
                unavailable = (ex.IsTransient ? "[yellow]ingest:[/] " : "[red]ingest:[/] ") + Markup.Escape(ex.Message);
            }

            RenderSummary(layout, config, zone, status, unavailable);
            RenderIngest(layout, status, unavailable is not null, zone, result.GetValue(partitions));
            RenderMoreSections(layout, config);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Hook for further status sections (scheduler jobs …), printed after ingest's.</summary>
    static partial void RenderMoreSections(DataLayout layout, PipelineConfig config);

    private static void RenderIngest(DataLayout layout, IngestStatus? status, bool unavailable, TimeZoneInfo zone, bool everyPartition)
    {
        if (unavailable)
        {
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
            .AddColumns("run", "started", "feed", "files", "skipped", "read", "accepted", "quarantined", "duplicates", "replaced");
        foreach (var r in status.LastRuns)
        {
            runs.AddRow(r.RunId, Local(r.StartedAt, zone), r.Feed ?? "all",
                N(r.FilesProcessed), N(r.FilesSkipped), N(r.RowsRead), N(r.Accepted), N(r.Quarantined), N(r.Duplicates), N(r.Replaced));
        }

        TableWriter.Write(runs);

        var feeds = new Table().Title("totals per feed (all runs)")
            .AddColumns("feed", "runs", "files", "skipped", "read", "accepted", "quarantined", "duplicates", "replaced", "read = acc+quar+dup");
        foreach (var f in status.Feeds)
        {
            var holds = f.RowsRead == f.Accepted + f.Quarantined + f.Duplicates;
            feeds.AddRow(f.Feed, N(f.Runs), N(f.FilesProcessed), N(f.FilesSkipped), N(f.RowsRead), N(f.Accepted), N(f.Quarantined),
                N(f.Duplicates), N(f.Replaced), holds ? "yes" : "[red]NO[/]");
        }

        TableWriter.Write(feeds);

        var reasons = new Table().Title("quarantined by reason (all runs)").AddColumns("feed", "reason", "rows");
        foreach (var r in status.Reasons)
        {
            reasons.AddRow(r.Feed, Markup.Escape(r.Reason), N(r.Rows));
        }

        TableWriter.Write(reasons);

        if (status.RejectedFiles.Count > 0)
        {
            var rejected = new Table().Title("landing files rejected (latest)").AddColumns("run", "feed", "file", "reason", "detail");
            foreach (var f in status.RejectedFiles)
            {
                rejected.AddRow(Markup.Escape(f.RunId), f.Feed, Markup.Escape(f.File), Markup.Escape(f.Reason), Markup.Escape(f.Detail));
            }

            TableWriter.Write(rejected);
        }

        if (everyPartition)
        {
            var partitions = new Table().Title("lake partitions")
                .AddColumns("feed", "dt", "lake rows", "files", "quarantined rows");
            foreach (var p in status.Partitions)
            {
                partitions.AddRow(p.Feed, BusinessCalendar.Format(p.Dt), N(p.LakeRows), N(p.LakeFiles), N(p.QuarantineRows));
            }

            TableWriter.Write(partitions);
            return;
        }

        var ranges = new Table().Title("lake partitions, as ranges of consecutive days (--partitions lists each)")
            .AddColumns("feed", "from", "to", "days", "lake rows", "files", "quarantined rows");
        foreach (var range in PartitionRanges(status.Partitions))
        {
            ranges.AddRow(range.Feed, BusinessCalendar.Format(range.From), BusinessCalendar.Format(range.To), N(range.Days),
                N(range.LakeRows), N(range.LakeFiles), N(range.QuarantineRows));
        }

        TableWriter.Write(ranges);
    }

    /// <summary>Partitions of each feed collapsed to runs of consecutive days, with their totals.</summary>
    internal static IReadOnlyList<PartitionRange> PartitionRanges(IEnumerable<IngestStatus.Partition> partitions)
    {
        var ranges = new List<PartitionRange>();
        foreach (var p in partitions.OrderBy(p => p.Feed, StringComparer.Ordinal).ThenBy(p => p.Dt))
        {
            if (ranges.Count > 0 && ranges[^1] is var last && string.Equals(last.Feed, p.Feed, StringComparison.Ordinal) && last.To.AddDays(1) == p.Dt)
            {
                ranges[^1] = last with
                {
                    To = p.Dt,
                    Days = last.Days + 1,
                    LakeRows = last.LakeRows + p.LakeRows,
                    LakeFiles = last.LakeFiles + p.LakeFiles,
                    QuarantineRows = last.QuarantineRows + p.QuarantineRows,
                };
            }
            else
            {
                ranges.Add(new PartitionRange(p.Feed, p.Dt, p.Dt, 1, p.LakeRows, p.LakeFiles, p.QuarantineRows));
            }
        }

        return ranges;
    }

    /// <summary>Consecutive days of a feed's partitions.</summary>
    internal sealed record PartitionRange(string Feed, DateOnly From, DateOnly To, int Days, long LakeRows, int LakeFiles, long QuarantineRows);

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone, string format = "yyyy-MM-dd HH:mm:ss") =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(format, CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
