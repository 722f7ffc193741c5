using Microsoft.Extensions.Logging;

namespace TrendInsight.Reports;

/// <summary>The report stage's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "No analysis for {Date} under {Marts}: no report written")]
    public static partial void NoAnalysis(ILogger logger, DateOnly date, string marts);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Report for {Date}: {Topics} rising topics, {Files} files in {Folder} ({ElapsedMs} ms)")]
    public static partial void Written(ILogger logger, DateOnly date, int topics, int files, string folder, long elapsedMs);
}
