using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using TrendInsight.Analysis;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.Ingest;
using TrendInsight.Reports;
using TrendInsight.Scheduler;
using TrendInsight.Scheduler.Logging;
using TrendInsight.Scheduler.State;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight run [--date D]</c>: ingest → analyze → report once, with progress; recorded in the run history.
/// Exit code 0, or <see cref="IngestCommand.RejectedExitCode"/> when ingest quarantined rows or rejected files.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var date = new Option<DateOnly?>("--date") { Description = "Business day to analyze and report (default: yesterday in Asia/Shanghai)" };
        var command = new Command("run", "Ingest new landing files, analyze a day and write its report, once") { date };
        command.SetAction(async (result, cancellationToken) =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var clock = TimeProvider.System;
            var day = result.GetValue(date) ?? BusinessCalendar.Yesterday(clock);
            CliContext.LandingFolder(null, layout);
            using var loggers = FileLoggers(layout, clock);
            var steps = CreateSteps(config, layout, clock, loggers);

            IngestSummary ingest = null!;
            AnalyzeSummary analyze = null!;
            ReportResult report = null!;
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var ingestTask = ctx.AddTask("ingest", maxValue: 1);
                    var analyzeTask = ctx.AddTask("analyze " + BusinessCalendar.Format(day), autoStart: false, maxValue: 1);
                    var reportTask = ctx.AddTask("report " + BusinessCalendar.Format(day), autoStart: false, maxValue: 1);

                    ingestTask.StartTask();
                    ingest = await steps.IngestAsync(1, Track(ingestTask), cancellationToken);
                    Finish(ingestTask, $"ingest: {ingest.Accepted.ToString("N0", CultureInfo.InvariantCulture)} rows accepted"
                        + (ingest.Refused.Count > 0 ? $", {ingest.Refused.Count} landing entries not read (listed below)" : string.Empty));

                    analyzeTask.StartTask();
                    analyze = await steps.AnalyzeAsync(day, 1, ensureIngest: false, Track(analyzeTask), cancellationToken);
                    Finish(analyzeTask, $"analyze {BusinessCalendar.Format(day)}: {analyze.TermsScored.ToString("N0", CultureInfo.InvariantCulture)} terms, {analyze.Topics} topics");

                    reportTask.StartTask();
                    report = await steps.ReportAsync(day, 1, ensureAnalyzed: false, Track(reportTask), cancellationToken);
                    Finish(reportTask, $"report {BusinessCalendar.Format(day)}: {report.Files.Count} files");
                });

            foreach (var file in report.Files)
            {
                AnsiConsole.MarkupLine("report: " + Markup.Escape(file));
            }

            foreach (var r in ingest.Refused)
            {
                Console.Out.WriteLine($"not read: {r.Path}: {r.Reason}");
            }

            if (ingest.AnythingRejected)
            {
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"ingest: {ingest.Quarantined:N0} rows quarantined, {ingest.FilesRejected} files rejected (trendinsight status shows them)")));
                return IngestCommand.RejectedExitCode;
            }

            return 0;
        });
        return command;
    }

    /// <summary>The stages behind <c>run</c> and <c>backfill</c>, logging to <c>data/state/logs/</c>.</summary>
    internal static PipelineSteps CreateSteps(PipelineConfig config, DataLayout layout, TimeProvider clock, ILoggerFactory loggers) =>
        new(
            new IngestService(config, clock, loggers),
            new AnalyzeService(config, clock, loggers),
            new ReportService(config, clock, loggers),
            RunHistory.ForLayout(layout, clock),
            layout,
            config.Schedule,
            clock,
            loggers.CreateLogger<PipelineSteps>());

    internal static ILoggerFactory FileLoggers(DataLayout layout, TimeProvider clock) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new JsonFileLoggerProvider(Path.Combine(layout.State, "logs"), clock)));

    private static IProgress<StageProgress> Track(ProgressTask task) => new Progress<StageProgress>(p =>
    {
        task.Description = Markup.Escape(p.Message);
        if (p.Total > 0)
        {
            task.MaxValue = p.Total;
            task.Value = Math.Min(p.Done, p.Total);
        }
    });

    private static void Finish(ProgressTask task, string description)
    {
        task.Value = task.MaxValue;
        task.Description = Markup.Escape(description);
        task.StopTask();
    }
}
