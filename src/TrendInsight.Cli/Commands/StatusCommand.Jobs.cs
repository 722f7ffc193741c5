using System.Globalization;
using Spectre.Console;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Scheduler.Hosting;
using TrendInsight.Scheduler.State;

namespace TrendInsight.Cli.Commands;

/// <summary>The scheduler's part of <c>trendinsight status</c>: last runs per job and the triggers.</summary>
public static partial class StatusCommand
{
    private const int RunsPerJob = 5;

    static partial void RenderMoreSections(DataLayout layout, PipelineConfig config)
    {
        var zone = config.DisplayZone();
        RenderJobRuns(layout, zone);
        RenderNextFireTimes(layout, config, zone);
    }

    private static void RenderJobRuns(DataLayout layout, TimeZoneInfo zone)
    {
        var path = Path.Combine(layout.State, "runs.db");
        if (!File.Exists(path))
        {
            AnsiConsole.MarkupLine(Markup.Escape($"jobs: no runs yet ({path})"));
            return;
        }

        var runs = RunHistory.ForReading(layout, TimeProvider.System).LastRuns(RunsPerJob);
        var table = new Table().Title($"last runs per stage, scheduled or not (newest first, up to {RunsPerJob})")
            .AddColumns("job", "day", "try", "started", "secs", "outcome", "by", "error");
        foreach (var r in runs)
        {
            table.AddRow(
                r.Job,
                r.Day is { } day ? BusinessCalendar.Format(day) : "-",
                r.Attempt.ToString(CultureInfo.InvariantCulture),
                Local(r.StartedUtc, zone, "MM-dd HH:mm:ss"),
                r.Duration is { } d ? d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "-",
                Outcome(r.Outcome),
                Markup.Escape(r.Instance),
                Markup.Escape(Shorten(r.Error)));
        }

        TableWriter.Write(table);
    }

    private static void RenderNextFireTimes(DataLayout layout, PipelineConfig config, TimeZoneInfo zone)
    {
        var settings = SchedulerSettings.From(config, layout);
        IReadOnlyList<TriggerInfo> triggers;
        try
        {
            triggers = settings.Store == "postgres" && string.IsNullOrWhiteSpace(settings.PostgresConnection)
                ? []
                : JobStoreInspector.TriggersAsync(settings, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (TrendInsightException ex)
        {
            AnsiConsole.MarkupLine("[yellow]schedule: [/]" + Markup.Escape(ex.Message));
            return;
        }

        if (triggers.Count == 0)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"schedule: no triggers in the job store yet ({settings.Store}); `trendinsight schedule` creates them"));
            return;
        }

        // A trigger in the store fires only while a scheduler runs: without one, its stored state and next
        // fire time would tell of runs that will not happen.
        var running = settings.Store == "postgres" || SchedulerPresence.Running(layout).Count > 0;
        var table = new Table().Title($"schedule ({settings.Store} job store)" + (running ? string.Empty : ": no scheduler running, nothing fires"))
            .AddColumns("job", "trigger", "cron", "state", "previous fire", "next fire");
        foreach (var t in triggers)
        {
            table.AddRow(t.Job, Markup.Escape(t.Trigger), Markup.Escape(t.Cron ?? "one-shot"), running ? t.State : "no scheduler running",
                t.PreviousFireUtc is { } p ? Local(p, zone) : "-", running && t.NextFireUtc is { } n ? Local(n, zone) : "-");
        }

        TableWriter.Write(table);
    }

    private static string Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= 80 ? text : text[..77] + "...";
}
