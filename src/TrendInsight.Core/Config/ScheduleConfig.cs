namespace TrendInsight.Core.Config;

/// <summary>
/// The <c>schedule:</c> section of <c>pipelines/trendinsight.yaml</c>: Quartz cron expressions, their
/// time zone, retry policy and the job store. Cron syntax is checked by the scheduler at start-up
/// (Core does not reference Quartz); everything else is checked here.
/// </summary>
public sealed class ScheduleConfig
{
    /// <summary>Time zone the cron expressions are read in (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Quartz cron for the ingest job (default: every 5 minutes).</summary>
    public string IngestCron { get; set; } = "0 0/5 * * * ?";

    /// <summary>Quartz cron for the daily analyze job (default: 02:30).</summary>
    public string AnalyzeCron { get; set; } = "0 30 2 * * ?";

    /// <summary>Quartz cron for the weekly report job (default: Monday 08:00).</summary>
    public string ReportCron { get; set; } = "0 0 8 ? * MON";

    /// <summary>Attempts a job makes for one day before a transient failure is treated as fatal.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; doubled on every further attempt.</summary>
    public int RetryDelaySeconds { get; set; } = 30;

    /// <summary>Upper bound of the retry delay.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 1800;

    /// <summary>Report formats the report job and <c>run</c> write.</summary>
    public List<string> ReportFormats { get; set; } = ["html", "xlsx", "md"];

    /// <summary>Job store: <c>sqlite</c> (one process, file under the data folder) or <c>postgres</c> (clustered).</summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>SQLite job store file, relative to the data folder.</summary>
    public string SqliteFile { get; set; } = "state/scheduler.db";

    /// <summary>Npgsql connection string for <c>store: postgres</c>; the environment variable <c>TRENDINSIGHT_PG</c> overrides it.</summary>
    public string PostgresConnection { get; set; } = string.Empty;

    /// <summary>How often a clustered node checks in; a node silent for longer is presumed dead and its jobs recovered.</summary>
    public int ClusterCheckinSeconds { get; set; } = 7;

    /// <summary>Jobs that may run at the same time in one process.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>How late a trigger may fire before it counts as misfired.</summary>
    public int MisfireThresholdSeconds { get; set; } = 60;

    internal void Validate(List<string> errors)
    {
        if (TimeZones.Find(TimeZone) is null)
        {
            errors.Add($"schedule.time_zone: unknown time zone '{TimeZone}'");
        }

        foreach (var (key, value) in new[] { ("ingest_cron", IngestCron), ("analyze_cron", AnalyzeCron), ("report_cron", ReportCron) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"schedule.{key} must not be empty");
            }
        }

        if (MaxAttempts < 1)
        {
            errors.Add("schedule.max_attempts must be at least 1");
        }

        if (RetryDelaySeconds < 0 || MaxRetryDelaySeconds < RetryDelaySeconds)
        {
            errors.Add("schedule.retry_delay_seconds must be >= 0 and <= schedule.max_retry_delay_seconds");
        }

        if (Store is not ("sqlite" or "postgres"))
        {
            errors.Add($"schedule.store must be 'sqlite' or 'postgres', not '{Store}'");
        }

        if (ClusterCheckinSeconds < 1)
        {
            errors.Add("schedule.cluster_checkin_seconds must be at least 1");
        }

        if (MaxConcurrency < 1)
        {
            errors.Add("schedule.max_concurrency must be at least 1");
        }

        if (MisfireThresholdSeconds < 1)
        {
            errors.Add("schedule.misfire_threshold_seconds must be at least 1");
        }

        foreach (var format in ReportFormats)
        {
            if (format is not ("html" or "xlsx" or "md"))
            {
                errors.Add($"schedule.report_formats: unknown format '{format}' (html, xlsx, md)");
            }
        }
    }
}
