using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using TrendInsight.Analysis;
using TrendInsight.Cli.Output;
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
/// Exit code 0, or <see cref="IngestCommand.RejectedExitCode"/> when ingest quarantined rows, rejected files or did not read a landing entry.
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
            var dayText = BusinessCalendar.Format(day);
            await ProgressDisplay.RunAsync(async display =>
            {
                var ingestStep = display.Add("ingest", describe: p => "ingest: " + p.Message);
                var analyzeStep = display.Add("analyze " + dayText, start: false, describe: p => $"analyze {dayText}: {p.Message}");
                var reportStep = display.Add("report " + dayText, start: false, describe: p => $"report {dayText}: {p.Message}");

                ingest = await steps.IngestAsync(1, ingestStep, cancellationToken);
                ingestStep.Finish($"ingest: {ingest.Accepted.ToString("N0", CultureInfo.InvariantCulture)} rows accepted"
                    + (ingest.Refused.Count > 0 ? $", {ingest.Refused.Count} landing entries not read (listed below)" : string.Empty));

                analyzeStep.Start();
                analyze = await steps.AnalyzeAsync(day, 1, ensureIngest: false, analyzeStep, cancellationToken);
                analyzeStep.Finish($"analyze {dayText}: {analyze.TermsScored.ToString("N0", CultureInfo.InvariantCulture)} terms, {analyze.Topics} topics");

                reportStep.Start();
                report = await steps.ReportAsync(day, 1, ensureAnalyzed: false, reportStep, cancellationToken);
                reportStep.Finish($"report {dayText}: {report.Files.Count} files");
            });

            foreach (var file in report.Files)
            {
                AnsiConsole.MarkupLine("report: " + Markup.Escape(file));
            }

            foreach (var r in ingest.Refused)
            {
                Console.Out.WriteLine($"not read: {r.Path}: {r.Reason}");
            }

            if (ingest.UnknownSegments.Count > 0)
            {
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"ingest: {ingest.UnknownSegments.Sum(u => u.Rows):N0} segment values outside the contract kept as unknown, e.g. ")
                    + string.Join(", ", ingest.UnknownSegments.OrderByDescending(u => u.Rows).Take(5).Select(u =>
                        string.Create(CultureInfo.InvariantCulture, $"{u.Feed}.{u.Field} '{u.Value}' {u.Rows:N0}")))
                    + " (map them in ingest.spellings)"));
            }

            if (ingest.AnythingRejected)
            {
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"ingest: {ingest.Quarantined:N0} rows quarantined, {ingest.FilesRejected} files rejected, {ingest.Refused.Count} landing entries not read (trendinsight status shows them)")));
                return IngestCommand.RejectedExitCode;
            }

            return 0;
        });
        return command;
    }

    /// <summary>The stages behind <c>run</c> and <c>backfill</c>, logging to <c>data/state/logs/</c>.</summary>
    internal static PipelineSteps CreateSteps(PipelineConfig config, DataLayout layout, TimeProvider clock, ILoggerFactory loggers,
        IIngestService? ingest = null, IAnalyzeService? analyze = null, IReportService? report = null) =>
        new(
            ingest ?? new IngestService(config, clock, loggers),
            analyze ?? new AnalyzeService(config, clock, loggers),
            report ?? new ReportService(config, clock, loggers),
            RunHistory.ForLayout(layout, clock),
            layout,
            config.Schedule,
            clock,
            loggers.CreateLogger<PipelineSteps>());

    internal static ILoggerFactory FileLoggers(DataLayout layout, TimeProvider clock) =>
        LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new JsonFileLoggerProvider(Path.Combine(layout.State, "logs"), clock)));
}
