using System.CommandLine;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using TrendInsight.Analysis;
using TrendInsight.Cli.Output;
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

            if (last < first)
            {
                throw new UsageException($"backfill: --to {BusinessCalendar.Format(last)} is before --from {BusinessCalendar.Format(first)}");
            }

            AnalyzeService.EnsureData(layout, first, last);
            BackfillResult outcome = null!;
            await ProgressDisplay.RunAsync(async display =>
            {
                var step = display.Add($"backfill {BusinessCalendar.Format(first)} … {BusinessCalendar.Format(last)}");
                var progress = new SynchronousProgress<BackfillProgress>(p => step.Update(
                    $"backfill {BusinessCalendar.Format(p.Day)} {(p.Skipped ? "skipped (done before)" : "done")} ({p.Index}/{p.Total})", p.Index, p.Total));
                outcome = await runner.RunAsync(first, last, result.GetValue(force), !result.GetValue(noReport), progress, cancellationToken);
                step.Finish($"backfill {BusinessCalendar.Format(first)} … {BusinessCalendar.Format(last)}: {outcome.Done.Count + outcome.Skipped.Count} days");
            });

            AnsiConsole.MarkupLine(Markup.Escape($"backfill: {outcome.Done.Count} day(s) done, {outcome.Skipped.Count} skipped as done before (use --force to redo)"));
            return 0;
        });
        return command;
    }
}
