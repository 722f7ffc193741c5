using Microsoft.Extensions.Logging;

namespace TrendInsight.Analysis;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Terms of {Day} built: {Rows} rows")]
    public static partial void TermsBuilt(ILogger logger, DateOnly day, long rows);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Terms of {Day} unchanged, skipped")]
    public static partial void TermsSkipped(ILogger logger, DateOnly day);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Analysis as of {AsOf}: {Terms} terms scored, {Topics} topics ranked in {ElapsedMs} ms")]
    public static partial void Analyzed(ILogger logger, DateOnly asOf, long terms, int topics, long elapsedMs);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Model {Model} ran in {ElapsedMs} ms")]
    public static partial void ModelRan(ILogger logger, string model, long elapsedMs);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Debug, Message = "Loaded {Table} in {ElapsedMs} ms")]
    public static partial void Loaded(ILogger logger, string table, long elapsedMs);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug, Message = "Terms of {Day}: {Phase} in {ElapsedMs} ms")]
    public static partial void TermsPhase(ILogger logger, DateOnly day, string phase, long elapsedMs);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Debug, Message = "Step {Step} ran in {ElapsedMs} ms")]
    public static partial void StepRan(ILogger logger, string step, long elapsedMs);
}
