using Microsoft.Extensions.Logging;
using TrendInsight.Core;
using TrendInsight.Scheduler.Logging;

namespace TrendInsight.Cli.Output;

/// <summary>
/// How a command that failed ends: one line on stderr with the cause and the log file that holds the details
/// (the exception with its stack trace), and an exit code that says what kind of failure it was. No failure
/// prints a stack trace on the console.
/// </summary>
internal static class Failure
{
    /// <summary>Logs <paramref name="exception"/> under <paramref name="dataFolder"/>'s logs, prints its line and returns the exit code.</summary>
    public static int Report(Exception exception, string? dataFolder, IReadOnlyList<string> args, TextWriter stderr)
    {
        var code = ExitCode(exception);
        var cause = Cause(exception);
        var log = TryLog(exception, dataFolder, args, code, cause);
        stderr.WriteLine(log is null ? $"error: {cause}" : $"error: {cause.TrimEnd('.')} (details: {log})");
        return code;
    }

    /// <summary>The exit code of a failure: usage, transient, cancelled or error.</summary>
    public static int ExitCode(Exception exception) => exception switch
    {
        UsageException => ExitCodes.Usage,
        OperationCanceledException => ExitCodes.Cancelled,
        TrendInsightException { IsTransient: true } => ExitCodes.Transient,
        TimeoutException => ExitCodes.Transient,
        AggregateException { InnerExceptions.Count: 1 } a => ExitCode(a.InnerExceptions[0]),
        _ => ExitCodes.Error,
    };

    /// <summary>The cause in one line: our own message as it is; for anything else, its message after what failed.</summary>
    public static string Cause(Exception exception)
    {
        var message = exception switch
        {
            AggregateException { InnerExceptions.Count: 1 } a => Cause(a.InnerExceptions[0]),
            TrendInsightException t => t.Message,
            OperationCanceledException => "cancelled",
            UnauthorizedAccessException or IOException => exception.Message,
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        return string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>An I/O or permission failure, also as the logging framework wraps it (<see cref="AggregateException"/>).</summary>
    private static bool IsNotWritable(Exception exception) => exception switch
    {
        IOException or UnauthorizedAccessException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsNotWritable),
        _ => false,
    };

    private static string? TryLog(Exception exception, string? dataFolder, IReadOnlyList<string> args, int code, string cause)
    {
        foreach (var folder in LogFolders(dataFolder))
        {
            try
            {
                using var provider = new JsonFileLoggerProvider(folder, TimeProvider.System);
                using (var loggers = LoggerFactory.Create(b => b.AddProvider(provider)))
                {
                    CliLog.CommandFailed(loggers.CreateLogger("TrendInsight.Cli"), exception, string.Join(' ', args), code, cause);
                }

                return provider.CurrentPath;
            }
            catch (Exception ex) when (IsNotWritable(ex))
            {
                // Not writable (the failure may be that very folder, or a read-only data folder): try the next place.
            }
        }

        return null;
    }

    private static IEnumerable<string> LogFolders(string? dataFolder)
    {
        if (dataFolder is not null && Directory.Exists(dataFolder))
        {
            yield return Path.Combine(new DataLayout(dataFolder).State, "logs");
        }

        yield return Path.Combine(Path.GetTempPath(), "trendinsight-logs-" + Environment.UserName);
    }
}
