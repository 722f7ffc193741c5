namespace TrendInsight.Scheduler.State;

/// <summary>The outcomes a <see cref="JobRun"/> records.</summary>
public static class RunOutcome
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";

    /// <summary>Failed transiently; a retry was scheduled.</summary>
    public const string Retrying = "retrying";

    /// <summary>Failed for good: a fatal error or the last allowed attempt.</summary>
    public const string Failed = "failed";

    public const string Cancelled = "cancelled";
}
