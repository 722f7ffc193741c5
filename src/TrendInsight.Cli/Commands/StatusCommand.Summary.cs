using System.Globalization;
using Spectre.Console;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.DuckDb;
using TrendInsight.Ingest;
using TrendInsight.Scheduler;
using TrendInsight.Scheduler.Hosting;
using TrendInsight.Scheduler.State;

namespace TrendInsight.Cli.Commands;

/// <summary>The summary that opens <c>trendinsight status</c>.</summary>
public static partial class StatusCommand
{
    private static readonly string[] Stages = [PipelineSteps.IngestStage, PipelineSteps.AnalyzeStage, PipelineSteps.ReportStage];

    private static readonly TimeSpan FailureWindow = TimeSpan.FromDays(7);

    private static void RenderSummary(DataLayout layout, PipelineConfig config, TimeZoneInfo zone, IngestStatus? status, string? unavailable)
    {
        var now = TimeProvider.System.GetUtcNow();
        AnsiConsole.MarkupLine(Markup.Escape($"status of {layout.Root} at {Local(now, zone)} (times in {config.TimeZone})"));
        RenderSchedulerPresence(layout, zone);
        if (unavailable is not null)
        {
            AnsiConsole.MarkupLine(unavailable);
        }

        RenderFreshness(layout, zone, status);
        RenderLastStageRuns(layout, zone, now);
        RenderLastIngest(status, zone);
        RenderNotRead(status);
    }

    private static void RenderSchedulerPresence(DataLayout layout, TimeZoneInfo zone)
    {
        var running = SchedulerPresence.Running(layout);
        if (running.Count == 0)
        {
            AnsiConsole.MarkupLine("scheduler: [yellow]no scheduler running[/] on this data folder (`trendinsight schedule` starts one)");
            return;
        }

        foreach (var s in running)
        {
            AnsiConsole.MarkupLine("scheduler: [green]running[/] " + Markup.Escape($"{s.Instance}, {s.Store} job store, since {Local(s.SinceUtc, zone)}"));
        }
    }

    private static void RenderFreshness(DataLayout layout, TimeZoneInfo zone, IngestStatus? status)
    {
        CommittedLake committed;
        try
        {
            committed = CommittedLake.Load(layout);
        }
        catch (TrendInsightException ex)
        {
            AnsiConsole.MarkupLine("[yellow]freshness:[/] " + Markup.Escape(ex.Message));
            return;
        }

        var yesterday = BusinessCalendar.Yesterday(TimeProvider.System);
        var table = new Table().Title("freshness per feed (last event day from the committed lake files)")
            .AddColumns("feed", "last event day", "days behind", "days with data", "last ingest of new files");
        var silent = new List<(string Feed, DateOnly? Last)>();
        foreach (var feed in Feeds.All)
        {
            var days = committed.Feed(feed).Select(f => f.Dt).Distinct().ToList();
            DateOnly? last = days.Count == 0 ? null : days.Max();
            var lastIngest = status?.LastIngestByFeed.TryGetValue(feed, out var at) == true ? Local(at, zone) : "-";
            var lag = last is { } l ? yesterday.DayNumber - l.DayNumber : (int?)null;
            table.AddRow(feed, last is { } d ? BusinessCalendar.Format(d) : "none", lag is { } g ? N(Math.Max(0, g)) : "-", N(days.Count), lastIngest);
            if (last is null || lag > 0)
            {
                silent.Add((feed, last));
            }
        }

        TableWriter.Write(table);
        foreach (var group in silent.GroupBy(s => s.Last))
        {
            var feeds = string.Join(", ", group.Select(s => s.Feed));
            AnsiConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape(group.Key is { } last
                ? $"no data after {BusinessCalendar.Format(last)} (expected up to {BusinessCalendar.Format(yesterday)}): {feeds}"
                : $"no data in the lake: {feeds}"));
        }
    }

    private static void RenderLastStageRuns(DataLayout layout, TimeZoneInfo zone, DateTimeOffset now)
    {
        var path = Path.Combine(layout.State, "runs.db");
        if (!File.Exists(path))
        {
            AnsiConsole.MarkupLine(Markup.Escape($"stages: no runs yet ({path})"));
            return;
        }

        var runs = RunHistory.ForReading(layout, TimeProvider.System).LastRuns(50);
        var table = new Table().Title("last run of each stage")
            .AddColumns("stage", "day", "started", "secs", "outcome", "by", "error");
        foreach (var stage in Stages)
        {
            var last = runs.Where(r => string.Equals(r.Job, stage, StringComparison.Ordinal)).MaxBy(r => r.StartedUtc);
            if (last is null)
            {
                table.AddRow(stage, "-", "never", "-", "-", "-", string.Empty);
                continue;
            }

            table.AddRow(stage, last.Day is { } day ? BusinessCalendar.Format(day) : "-", Local(last.StartedUtc, zone),
                last.Duration is { } d ? d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "-",
                Outcome(last.Outcome), Markup.Escape(last.Instance), Markup.Escape(Shorten(last.Error)));
        }

        TableWriter.Write(table);
        var failures = runs.Where(r => r.Outcome == RunOutcome.Failed && now - r.StartedUtc <= FailureWindow).OrderByDescending(r => r.StartedUtc).ToList();
        AnsiConsole.MarkupLine(failures.Count == 0
            ? "failures: none in the last 7 days"
            : "[red]failures:[/] " + Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{failures.Count} in the last 7 days; latest: {failures[0].Job} at {Local(failures[0].StartedUtc, zone)}: {Shorten(failures[0].Error)}")));
    }

    private static void RenderLastIngest(IngestStatus? status, TimeZoneInfo zone)
    {
        if (status?.LastRunWithRows is not { } run)
        {
            return;
        }

        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"last ingest with new rows: run {run.RunId} at {Local(run.StartedAt, zone)}: read {run.RowsRead:N0} = accepted {run.Accepted:N0} + quarantined {run.Quarantined:N0} + duplicates {run.Duplicates:N0}")));
        if (status.LastRunReasons.Count > 0)
        {
            AnsiConsole.MarkupLine("  [yellow]quarantined:[/] " + Markup.Escape(string.Join(", ",
                status.LastRunReasons.Take(8).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Feed} {r.Reason} {r.Rows:N0}")))
                + (status.LastRunReasons.Count > 8 ? $", … ({status.LastRunReasons.Count} reasons; all runs' below)" : string.Empty)));
        }

        if (status.LastRunUnknownSegments.Count > 0)
        {
            AnsiConsole.MarkupLine("  [yellow]unknown segment values:[/] " + Markup.Escape(string.Join(", ",
                status.LastRunUnknownSegments.Take(12).Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Feed}.{u.Field}={u.Value} {u.Rows:N0}"))))
                + (status.LastRunUnknownSegments.Count > 12 ? Markup.Escape($", … ({status.LastRunUnknownSegments.Count} values)") : string.Empty));
        }
    }

    private const int NotReadNamed = 5;

    /// <summary>
    /// The landing entries the last ingest did not read: a scheduled ingest only logs them, so status is where a misplaced
    /// delivery shows. Read from the last run with or without rows, so the warning goes once the entries are moved.
    /// </summary>
    private static void RenderNotRead(IngestStatus? status)
    {
        if (status is null || status.LastRunRefused.Count == 0)
        {
            return;
        }

        var refused = status.LastRunRefused;
        var named = string.Join(", ", refused.Take(NotReadNamed).Select(r => $"{r.Path} ({r.Reason})"));
        var more = refused.Count > NotReadNamed
            ? string.Create(CultureInfo.InvariantCulture, $" and {refused.Count - NotReadNamed} more")
            : string.Empty;
        var entries = refused.Count == 1
            ? "1 landing entry"
            : string.Create(CultureInfo.InvariantCulture, $"{refused.Count} landing entries");
        AnsiConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape($"the last ingest did not read {entries}: {named}{more}"));
    }

    private static string Outcome(string outcome) => outcome switch
    {
        RunOutcome.Succeeded => "[green]succeeded[/]",
        RunOutcome.Failed => "[red]failed[/]",
        RunOutcome.Retrying => "[yellow]retrying[/]",
        var other => Markup.Escape(other),
    };
}
