using Microsoft.Extensions.Logging;

namespace TrendInsight.Scheduler;

/// <summary>The scheduler's log events.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Stage {Stage} started for day {Day} (attempt {Attempt}) on {Instance}")]
    public static partial void StageStarted(ILogger logger, string stage, string day, int attempt, string instance);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Stage {Stage} finished for day {Day} in {ElapsedMs} ms")]
    public static partial void StageFinished(ILogger logger, string stage, string day, long elapsedMs);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Stage {Stage} failed transiently for day {Day} (attempt {Attempt} of {MaxAttempts}); retrying at {RetryAt}: {Reason}")]
    public static partial void StageRetrying(ILogger logger, Exception exception, string stage, string day, int attempt, int maxAttempts, DateTimeOffset retryAt, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Stage {Stage} failed for day {Day} (attempt {Attempt}): {Reason}")]
    public static partial void StageFailed(ILogger logger, Exception exception, string stage, string day, int attempt, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Stage {Stage} cancelled for day {Day}")]
    public static partial void StageCancelled(ILogger logger, string stage, string day);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Analyze for day {Day}: the last ingest started before the day ended, so ingest runs first")]
    public static partial void IngestBeforeAnalyze(ILogger logger, string day);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Report for day {Day}: analyze has not finished that day, so it runs first")]
    public static partial void AnalyzeBeforeReport(ILogger logger, string day);

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Trigger {Trigger} ({Cron}, {TimeZone}) registered; next fire {NextFire}")]
    public static partial void TriggerRegistered(ILogger logger, string trigger, string cron, string timeZone, DateTimeOffset? nextFire);

    [LoggerMessage(EventId = 121, Level = LogLevel.Information, Message = "Trigger {Trigger} ({Cron}) kept from the job store; next fire {NextFire}")]
    public static partial void TriggerKept(ILogger logger, string trigger, string cron, DateTimeOffset? nextFire);

    [LoggerMessage(EventId = 122, Level = LogLevel.Information, Message = "Job {Job} fired by {Trigger} (scheduled {Scheduled}, recovering {Recovering}) on {Instance}")]
    public static partial void JobFired(ILogger logger, string job, string trigger, DateTimeOffset? scheduled, bool recovering, string instance);

    [LoggerMessage(EventId = 130, Level = LogLevel.Information, Message = "Backfill day {Day}: skipped, done before (use --force to redo)")]
    public static partial void BackfillSkipped(ILogger logger, string day);

    [LoggerMessage(EventId = 131, Level = LogLevel.Information, Message = "Backfill day {Day}: done")]
    public static partial void BackfillDone(ILogger logger, string day);
}
