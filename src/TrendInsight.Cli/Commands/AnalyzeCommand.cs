using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TrendInsight.Analysis;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.Core.Pipeline;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight analyze [--date D] [--top N]</c>: terms, daily series, trend scores, topics and what
/// explains them as of a date (default yesterday in Asia/Shanghai), with progress, then a table of
/// the top rising topics.
/// </summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var date = new Option<string?>("--date")
        {
            Description = "Analysis date YYYY-MM-DD, the last day of the recent window (default: yesterday in Asia/Shanghai)",
        };
        var top = new Option<int>("--top")
        {
            Description = "How many rising topics to print",
            DefaultValueFactory = _ => 10,
        };

        var command = new Command("analyze", "Build terms and score rising topics as of a date; print the top rising topics") { date, top };
        command.SetAction(async (result, cancellationToken) =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var day = CliContext.Day(result.GetValue(date), "--date", BusinessCalendar.Yesterday(TimeProvider.System));

            using var loggers = RunCommand.FileLoggers(layout, TimeProvider.System);
            var service = new AnalyzeService(config, TimeProvider.System, loggers);
            var steps = RunCommand.CreateSteps(config, layout, TimeProvider.System, loggers, analyze: service);
            var dayText = BusinessCalendar.Format(day);
            AnalyzeSummary summary = null!;
            await ProgressDisplay.RunAsync(async display =>
            {
                var step = display.Add($"analyze {dayText}", describe: p => $"analyze {dayText}: {p.Message}");
                summary = await steps.AnalyzeAsync(day, 1, ensureIngest: false, step, cancellationToken);
                step.Finish($"analyze {dayText}");
            });

            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"as of [bold]{day:yyyy-MM-dd}[/]: {summary.TermsScored:N0} terms scored, {summary.Topics:N0} rising topics, {summary.Elapsed.TotalSeconds:F1} s ({service.LastBuiltDays.Count} days of terms built)"));
            var topics = service.TopTopics(layout, day, Math.Max(1, result.GetValue(top)));
            if (topics.Count == 0)
            {
                AnsiConsole.MarkupLine("no rising topic passed the thresholds");
                return 0;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("#").AddColumn("topic").AddColumn("stage").AddColumn(new TableColumn("score").RightAligned())
                .AddColumn(new TableColumn("growth").RightAligned()).AddColumn(new TableColumn("z").RightAligned())
                .AddColumn(new TableColumn("searches").RightAligned()).AddColumn(new TableColumn("content").RightAligned())
                .AddColumn(new TableColumn("comments").RightAligned()).AddColumn("terms");
            foreach (var t in topics)
            {
                table.AddRow(
                    t.Rank.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(t.Name),
                    t.Stage,
                    t.Score.ToString("F2", CultureInfo.InvariantCulture),
                    "×" + t.GrowthShrunk.ToString("F2", CultureInfo.InvariantCulture),
                    t.Z.ToString("F1", CultureInfo.InvariantCulture),
                    t.RecentSearch.ToString("N0", CultureInfo.InvariantCulture),
                    t.RecentContent.ToString("N0", CultureInfo.InvariantCulture),
                    t.RecentComment.ToString("N0", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(" ", t.Members.Take(6))));
            }

            TableWriter.Write(table);
            return 0;
        });
        return command;
    }
}
