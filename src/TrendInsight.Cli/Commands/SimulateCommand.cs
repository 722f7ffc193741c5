using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.Core.Pipeline;
using TrendInsight.Simulation;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight simulate --days N [--end D] [--seed S] [--scale K] --out DIR</c>: realistic landing
/// files for all five feeds with planted trends, and <c>DIR/ground_truth.json</c> beside them.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Number of business days to simulate", DefaultValueFactory = _ => 120 };
        var end = new Option<string?>("--end") { Description = "Last business day, YYYY-MM-DD (default: yesterday in Asia/Shanghai)" };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed gives byte-identical files", DefaultValueFactory = _ => 20261122UL };
        var scale = new Option<double>("--scale") { Description = "Volume multiplier (1 = a few million rows for 120 days)", DefaultValueFactory = _ => 1.0 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Landing folder to write (files go to DIR/<feed>/)", Required = true };

        var command = new Command("simulate", "Write simulated landing files for all feeds, with planted trends and a ground truth");
        command.Options.Add(days);
        command.Options.Add(end);
        command.Options.Add(seed);
        command.Options.Add(scale);
        command.Options.Add(output);
        command.SetAction(result =>
        {
            var endText = result.GetValue(end);
            DateOnly? endDate = endText is null ? null : CliContext.Day(endText, "--end", default);

            var options = new SimulationOptions
            {
                OutputDirectory = result.GetValue(output)!.FullName,
                Days = result.GetValue(days),
                End = endDate,
                Seed = result.GetValue(seed),
                Scale = result.GetValue(scale),
            };

            var watch = Stopwatch.StartNew();
            var progress = new StderrProgress(watch);
            var summary = new Simulator(TimeProvider.System).Run(options, progress);
            watch.Stop();

            var table = new Table().AddColumns("feed", "files", "rows", "good", "bad", "duplicates");
            foreach (var f in summary.Feeds)
            {
                table.AddRow(f.Feed, N(f.Files), N(f.Rows), N(f.GoodRows), N(f.BadRows), N(f.Duplicates));
            }

            table.AddRow("total", N(summary.Feeds.Sum(f => f.Files)), N(summary.TotalRows),
                N(summary.Feeds.Sum(f => f.GoodRows)), N(summary.Feeds.Sum(f => f.BadRows)), N(summary.Feeds.Sum(f => f.Duplicates)));
            TableWriter.Write(table);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"simulated {summary.Start:yyyy-MM-dd}..{summary.End:yyyy-MM-dd} (seed {summary.Seed}): {summary.TotalRows:N0} rows in {watch.Elapsed.TotalSeconds:F1} s into {options.OutputDirectory}"));
            Console.WriteLine($"ground truth: {summary.GroundTruthPath}");
            if (summary.OtherFiles.Count > 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warning: {summary.OtherFiles.Count} other files in {options.OutputDirectory} were not written by this run (e.g. {summary.OtherFiles[0]}); ingest would read them too"));
            }
            return 0;
        });
        return command;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>One line on stderr every ten days, written on the calling thread so lines stay in order.</summary>
    private sealed class StderrProgress(Stopwatch watch) : IProgress<StageProgress>
    {
        public void Report(StageProgress value)
        {
            if (value.Done % 10 == 0 || value.Done == value.Total)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"simulate: {value.Message} ({value.Done}/{value.Total} days, {watch.Elapsed.TotalSeconds:F1} s)"));
            }
        }
    }
}
