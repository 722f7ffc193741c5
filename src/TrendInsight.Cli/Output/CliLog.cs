using Microsoft.Extensions.Logging;

namespace TrendInsight.Cli.Output;

/// <summary>The command line's own log events.</summary>
internal static partial class CliLog
{
    [LoggerMessage(EventId = 900, Level = LogLevel.Error, Message = "trendinsight {Arguments} failed (exit {ExitCode}): {Reason}")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string arguments, int exitCode, string reason);
}
