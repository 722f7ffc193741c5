using System.CommandLine;
using TrendInsight.Cli;
using TrendInsight.Cli.Commands;
using TrendInsight.Cli.Output;

Terminal.Configure();
var root = new RootCommand("TrendInsight: rising interest topics in Chinese interest e-commerce, for C2M planning.");
root.Options.Add(CliContext.DataOption);
root.Options.Add(CliContext.ConfigOption);
root.Options.Add(CliContext.CsvOption);

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

var parsed = root.Parse(args);
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
if (parsed.Errors.Count > 0)
{
    // System.CommandLine prints the errors and the command's help.
    await parsed.InvokeAsync(invocation);
    return ExitCodes.Usage;
}

try
{
    TableWriter.Csv = parsed.GetValue(CliContext.CsvOption);
    return await parsed.InvokeAsync(invocation);
}
catch (Exception ex)
{
    // Every failure, expected or not, ends as one line naming the cause and the log with the details.
    string? data = null;
    try
    {
        data = parsed.GetValue(CliContext.DataOption)?.FullName;
    }
    catch (InvalidOperationException)
    {
        // No data folder to log to: the log goes to the temporary folder.
    }

    return Failure.Report(ex, data, args, Console.Error);
}
