using System.Globalization;
using Spectre.Console;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Scheduler.Hosting;
using TrendInsight.Scheduler.State;

namespace TrendInsight.Cli.Commands;

/// <summary>The scheduler's part of <c>trendinsight status</c>: last runs per job, next fire times, silent feeds.</summary>
public static partial class StatusCommand
{
    private const int RunsPerJob = 5;

    static partial void RenderMoreSections(DataLayout layout, PipelineConfig config)
    {
        RenderJobRuns(layout);
        RenderNextFireTimes(layout, config);
        RenderSilentFeeds(layout);
    }

    private static void RenderJobRuns(DataLayout layout)
    {
        var path = Path.Combine(layout.State, "runs.db");
        if (!File.Exists(path))
        {
            AnsiConsole.MarkupLine(Markup.Escape($"jobs: no runs yet ({path})"));
            return;
        }

        var runs = RunHistory.ForLayout(layout, TimeProvider.System).LastRuns(RunsPerJob);
        var table = new Table().Title($"last runs per job (newest first, up to {RunsPerJob})")
            .AddColumns("job", "day", "try", "started", "secs", "outcome", "node", "error");
        foreach (var r in runs)
        {
            table.AddRow(
                r.Job,
                r.Day is { } day ? BusinessCalendar.Format(day) : "-",
                r.Attempt.ToString(CultureInfo.InvariantCulture),
                Local(r.StartedUtc, "MM-dd HH:mm:ss"),
                r.Duration is { } d ? d.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) : "-",
                r.Outcome switch
                {
                    RunOutcome.Succeeded => "[green]succeeded[/]",
                    RunOutcome.Failed => "[red]failed[/]",
                    RunOutcome.Retrying => "[yellow]retrying[/]",
                    var other => Markup.Escape(other),
                },
                Markup.Escape(r.Instance),
                Markup.Escape(Shorten(r.Error)));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]times in Asia/Shanghai[/]");
    }

    private static void RenderNextFireTimes(DataLayout layout, PipelineConfig config)
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

        var table = new Table().Title($"schedule ({settings.Store} job store)")
            .AddColumns("job", "trigger", "cron", "state", "previous fire", "next fire (Asia/Shanghai)");
        foreach (var t in triggers)
        {
            table.AddRow(t.Job, Markup.Escape(t.Trigger), Markup.Escape(t.Cron ?? "one-shot"), t.State,
                t.PreviousFireUtc is { } p ? Local(p) : "-", t.NextFireUtc is { } n ? Local(n) : "-");
        }

        AnsiConsole.Write(table);
    }

    private static void RenderSilentFeeds(DataLayout layout)
    {
        var yesterday = BusinessCalendar.Yesterday(TimeProvider.System);
        foreach (var feed in Feeds.All)
        {
            var latest = BusinessCalendar.PartitionDays(layout.RawFeed(feed)).Select(d => (DateOnly?)d).Max();
            if (latest is null)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"warning: feed {feed} has no lake partitions"));
            }
            else if (latest < yesterday)
            {
                AnsiConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape($"feed {feed} silent for more than a day (latest partition dt={latest:yyyy-MM-dd}, expected dt={yesterday:yyyy-MM-dd})"));
            }
        }
    }

    private static string Local(DateTimeOffset utc, string format = "yyyy-MM-dd HH:mm:ss") =>
        TimeZoneInfo.ConvertTime(utc, BusinessCalendar.Zone).ToString(format, CultureInfo.InvariantCulture);

    private static string Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= 80 ? text : text[..77] + "...";
}
