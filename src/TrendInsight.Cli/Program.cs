using System.CommandLine;
using Spectre.Console;
using TrendInsight.Cli;
using TrendInsight.Cli.Commands;
using TrendInsight.Core;

var root = new RootCommand("TrendInsight: rising interest topics in Chinese interest e-commerce, for C2M planning.");
root.Options.Add(CliContext.DataOption);
root.Options.Add(CliContext.ConfigOption);

// One file a command under Commands/.
root.Subcommands.Add(VersionCommand.Create());
root.Subcommands.Add(SqlCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(RepairCommand.Create());
root.Subcommands.Add(SegmentCommand.Create());
root.Subcommands.Add(WordsCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(ScheduleCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(BackfillCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());

try
{
    // Errors of ours are printed as one clear line; anything else keeps its stack trace.
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (TrendInsightException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return ex.IsTransient ? 75 : 1;
}
