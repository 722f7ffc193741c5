using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using TrendInsight.Core;
using TrendInsight.Scheduler;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight backfill --from D1 --to D2 [--force] [--no-report]</c>: re-analyze (and re-report) each
/// day in order. Finished days are recorded in <c>data/state/runs.db</c>; a run stopped half-way resumes
/// with the first unfinished day, and <c>--force</c> redoes every day.
/// </summary>
public static class BackfillCommand
{
    public static Command Create()
    {
        var from = new Option<DateOnly>("--from") { Description = "First business day (yyyy-MM-dd)", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last business day (yyyy-MM-dd), inclusive", Required = true };
        var force = new Option<bool>("--force") { Description = "Redo days that finished before" };
        var noReport = new Option<bool>("--no-report") { Description = "Analyze only; write no reports" };
        var command = new Command("backfill", "Re-analyze (and re-report) a range of days in order; resumable") { from, to, force, noReport };
        command.SetAction(async (result, cancellationToken) =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var clock = TimeProvider.System;
            using var loggers = RunCommand.FileLoggers(layout, clock);
            var runner = new BackfillRunner(RunCommand.CreateSteps(config, layout, clock, loggers), loggers.CreateLogger<BackfillRunner>());
            var first = result.GetValue(from);
            var last = result.GetValue(to);

            BackfillResult outcome = null!;
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"backfill {BusinessCalendar.Format(first)} … {BusinessCalendar.Format(last)}", maxValue: Math.Max(1, last.DayNumber - first.DayNumber + 1));
                    var progress = new Progress<BackfillProgress>(p =>
                    {
                        task.Value = p.Index;
                        task.Description = Markup.Escape($"backfill {BusinessCalendar.Format(p.Day)} {(p.Skipped ? "skipped (done before)" : "done")} ({p.Index}/{p.Total})");
                    });
                    outcome = await runner.RunAsync(first, last, result.GetValue(force), !result.GetValue(noReport), progress, cancellationToken);
                    task.Value = task.MaxValue;
                });

            AnsiConsole.MarkupLine(Markup.Escape($"backfill: {outcome.Done.Count} day(s) done, {outcome.Skipped.Count} skipped as done before (use --force to redo)"));
            return 0;
        });
        return command;
    }
}
