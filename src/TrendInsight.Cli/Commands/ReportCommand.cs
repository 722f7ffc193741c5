using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using TrendInsight.Core;
using TrendInsight.Reports;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight report [--date D] [--format html,xlsx,md] [--out DIR]</c>: the merchandiser's trend
/// report as of a date (default yesterday), written to <c>data/reports/D/</c>; prints the paths written.
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

        var command = new Command("report", "Write the trend report (HTML with charts, XLSX, Markdown) for a date") { date, format, outDir };
        command.SetAction(async (result, cancellationToken) =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var day = CliContext.Day(result.GetValue(date), "--date", BusinessCalendar.Yesterday(TimeProvider.System));

            var formats = result.GetValue(format) is { Length: > 0 } f
                ? f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            var service = new ReportService(config, TimeProvider.System, NullLoggerFactory.Instance);
            var written = await service.WriteReportAsync(layout, day, formats, result.GetValue(outDir)?.FullName, progress: null, cancellationToken);
            foreach (var file in written.Files)
            {
                Console.WriteLine(file);
            }

            return 0;
        });
        return command;
    }
}
