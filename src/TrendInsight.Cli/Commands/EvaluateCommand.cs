using System.CommandLine;
using TrendInsight.Analysis;
using TrendInsight.Core;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight evaluate --truth FILE [--from D1 --to D2] [--top N]</c>: scores the analysed topics
/// of each analysis date in the range against known trends (the simulator's <c>ground_truth.json</c> or
/// a user's list): precision@N, recall, fragmentation, merges, ranks, id stability, lead-segment
/// precision and supply-gap order.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var truth = new Option<FileInfo>("--truth") { Description = "Ground-truth file: the simulator's ground_truth.json or a list of known trends", Required = true };
        var from = new Option<string?>("--from") { Description = "First analysis date (yyyy-MM-dd; default: --to)" };
        var to = new Option<string?>("--to") { Description = "Last analysis date (yyyy-MM-dd; default: the latest analysis)" };
        var top = new Option<int?>("--top") { Description = "Rows that count as listed (default: report.top_topics)" };
        var command = new Command("evaluate", "Score the analysed topics against known trends") { truth, from, to, top };
        command.SetAction(result =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var trends = KnownTrend.Load(result.GetValue(truth)!.FullName);
            var latest = LatestAnalysis(layout) ?? throw new TrendInsightException("evaluate: no analysis in the lake (run analyze first)");
            var last = CliContext.Day(result.GetValue(to), "--to", latest);
            var first = CliContext.Day(result.GetValue(from), "--from", last);
            if (first > last)
            {
                throw new TrendInsightException("evaluate: --from is after --to");
            }

            var evaluation = TopicEvaluator.Evaluate(layout, trends, first, last, result.GetValue(top) ?? config.Report.TopTopics);
            Console.Out.Write(evaluation.Format());
            return 0;
        });
        return command;
    }

    private static DateOnly? LatestAnalysis(DataLayout layout)
    {
        var folder = Path.Combine(layout.Marts, "topics");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        return Directory.EnumerateDirectories(folder, "dt=*")
            .Select(d => DateOnly.TryParseExact(Path.GetFileName(d)[3..], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : (DateOnly?)null)
            .Where(d => d is not null)
            .Max();
    }
}
