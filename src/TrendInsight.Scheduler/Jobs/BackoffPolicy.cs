using TrendInsight.Core;
using TrendInsight.Core.Config;

namespace TrendInsight.Scheduler.Jobs;

/// <summary>Which failures a job retries, and how long it waits: exponential backoff from the <c>schedule:</c> section.</summary>
public sealed class BackoffPolicy
{
    public BackoffPolicy(ScheduleConfig config)
    {
        MaxAttempts = config.MaxAttempts;
        BaseDelay = TimeSpan.FromSeconds(config.RetryDelaySeconds);
        MaxDelay = TimeSpan.FromSeconds(config.MaxRetryDelaySeconds);
    }

    public int MaxAttempts { get; }
    public TimeSpan BaseDelay { get; }
    public TimeSpan MaxDelay { get; }

    /// <summary>A failure that may pass if tried again: a transient <see cref="TrendInsightException"/> or an I/O error.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        TrendInsightException t => t.IsTransient,
        IOException => true,
        TimeoutException => true,
        _ => false,
    };

    /// <summary>Delay before attempt <paramref name="nextAttempt"/> (2 or more): base × 2^(n−2), capped.</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var factor = Math.Pow(2, Math.Max(0, nextAttempt - 2));
        var ticks = Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Whether a transient failure on <paramref name="attempt"/> gets another try.</summary>
    public bool ShouldRetry(Exception exception, int attempt) => IsTransient(exception) && attempt < MaxAttempts;
}
