using Quartz;

namespace TrendInsight.Scheduler.Jobs;

/// <summary>The keys of the pipeline's jobs and their cron triggers in the job store.</summary>
public static class PipelineJobs
{
    public const string Group = "trendinsight";

    public static JobKey Ingest { get; } = new("ingest", Group);
    public static JobKey Analyze { get; } = new("analyze", Group);
    public static JobKey Report { get; } = new("report", Group);

    /// <summary>The cron trigger of a job: <c>&lt;job&gt;-cron</c>.</summary>
    public static TriggerKey CronTrigger(JobKey job) => new(job.Name + "-cron", Group);

    /// <summary>Job data key: the business day a one-shot (retry, backfill) firing is for, <c>yyyy-MM-dd</c>.</summary>
    public const string DayKey = "day";

    /// <summary>Job data key: the attempt number of a retry firing (first attempt = 1).</summary>
    public const string AttemptKey = "attempt";
}
