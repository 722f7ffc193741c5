using System.CommandLine;
using TrendInsight.Analysis;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.Core.Pipeline;
using TrendInsight.Reports;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight report [--date D] [--format html,xlsx,md] [--out DIR] [--analyze]</c>: the merchandiser's trend
/// report as of a date (default yesterday), written to <c>data/reports/D/</c>; prints the paths written. A date
/// never analysed is an error that says to analyse it, unless <c>--analyze</c> asks to do that first.
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var date = new Option<string?>("--date")
        {
            Description = "Report date YYYY-MM-DD: the analysis date to report on (default: yesterday in Asia/Shanghai)",
        };
        var format = new Option<string?>("--format")
        {
            Description = "Comma-separated formats: html, xlsx, md (default: report.formats of the configuration)",
        };
        var outDir = new Option<DirectoryInfo?>("--out")
        {
            Description = "Output folder (default: <data>/reports/<date>)",
        };
        var analyze = new Option<bool>("--analyze")
        {
            Description = "Analyze the date first when it has not been analysed",
        };

        var command = new Command("report", "Write the trend report (HTML with charts, XLSX, Markdown) for a date") { date, format, outDir, analyze };
        command.SetAction(async (result, cancellationToken) =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var clock = TimeProvider.System;
            var day = CliContext.Day(result.GetValue(date), "--date", BusinessCalendar.Yesterday(clock));
            var dayText = BusinessCalendar.Format(day);

            IReadOnlyCollection<string> formats = result.GetValue(format) is { Length: > 0 } f
                ? f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : config.Report.Formats;
            using var loggers = RunCommand.FileLoggers(layout, clock);
            var service = new ReportService(config, clock, loggers);
            var steps = RunCommand.CreateSteps(config, layout, clock, loggers, report: service);
            ReportResult written = null!;
            await ProgressDisplay.RunAsync(async display =>
            {
                if (result.GetValue(analyze) && !service.HasAnalysis(layout, day))
                {
                    var analyzing = display.Add($"analyze {dayText}", describe: p => $"analyze {dayText}: {p.Message}");
                    var summary = await steps.AnalyzeAsync(day, 1, ensureIngest: false, analyzing, cancellationToken);
                    analyzing.Finish($"analyze {dayText}: {summary.Topics} topics");
                }

                var step = display.Add($"report {dayText}", describe: p => $"report {dayText}: {p.Message}");
                written = await steps.ReportAsync(day, 1, ensureAnalyzed: false, formats, result.GetValue(outDir)?.FullName, step, cancellationToken);
                step.Finish($"report {dayText}: {written.Files.Count} files");
            });

            foreach (var file in written.Files)
            {
                Console.WriteLine(file);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
