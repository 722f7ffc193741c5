using TrendInsight.Core;
using TrendInsight.Core.Config;

namespace TrendInsight.Scheduler.Hosting;

/// <summary>
/// Everything the scheduler host needs, resolved from the <c>schedule:</c> section plus command-line
/// overrides (a test schedule, a PostgreSQL store, a node id).
/// </summary>
public sealed record SchedulerSettings
{
    /// <summary>The scheduler's name in the job store; nodes of a cluster share it.</summary>
    public const string DefaultSchedulerName = "TrendInsight";

    public required DataLayout Layout { get; init; }
    public required ScheduleConfig Config { get; init; }

    public string SchedulerName { get; init; } = DefaultSchedulerName;
    public string Store { get; init; } = "sqlite";
    public string? PostgresConnection { get; init; }
    public string IngestCron { get; init; } = "0 0/5 * * * ?";
    public string AnalyzeCron { get; init; } = "0 30 2 * * ?";
    public string ReportCron { get; init; } = "0 0 8 ? * MON";
    public TimeZoneInfo TimeZone { get; init; } = BusinessCalendar.Zone;

    /// <summary>Node id in a cluster; null = generated (host name + a unique suffix).</summary>
    public string? InstanceId { get; init; }

    /// <summary>Cluster check-in interval; a node silent for longer (plus a margin) is presumed dead.</summary>
    public TimeSpan ClusterCheckin { get; init; } = TimeSpan.FromSeconds(7);

    public int MaxConcurrency { get; init; } = 2;
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Register the cron triggers of the three jobs at start (off for a node that only works through a shared schedule).</summary>
    public bool RegisterSchedules { get; init; } = true;

    public bool Clustered => string.Equals(Store, "postgres", StringComparison.Ordinal);

    /// <summary>The SQLite job store file.</summary>
    public string SqliteFile => Path.GetFullPath(Path.Combine(Layout.Root, Config.SqliteFile));

    /// <summary>Where the host writes its log files.</summary>
    public string LogFolder => Path.Combine(Layout.State, "logs");

    /// <summary>Settings from the configuration file; the environment variable <c>TRENDINSIGHT_PG</c> overrides the PostgreSQL connection.</summary>
    public static SchedulerSettings From(PipelineConfig config, DataLayout layout)
    {
        var s = config.Schedule;
        var pg = Environment.GetEnvironmentVariable("TRENDINSIGHT_PG");
        return new SchedulerSettings
        {
            Layout = layout,
            Config = s,
            Store = s.Store,
            PostgresConnection = string.IsNullOrEmpty(pg) ? s.PostgresConnection : pg,
            IngestCron = s.IngestCron,
            AnalyzeCron = s.AnalyzeCron,
            ReportCron = s.ReportCron,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone),
            ClusterCheckin = TimeSpan.FromSeconds(s.ClusterCheckinSeconds),
            MaxConcurrency = s.MaxConcurrency,
            MisfireThreshold = TimeSpan.FromSeconds(s.MisfireThresholdSeconds),
        };
    }

    /// <summary>Checks what the configuration loader cannot (cron syntax, a connection for postgres); the message names the key.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        foreach (var (key, cron) in new[] { ("ingest_cron", IngestCron), ("analyze_cron", AnalyzeCron), ("report_cron", ReportCron) })
        {
            if (!Quartz.CronExpression.TryParse(cron, out _))
            {
                errors.Add($"schedule.{key}: '{cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
            }
        }

        if (Clustered && string.IsNullOrWhiteSpace(PostgresConnection))
        {
            errors.Add("schedule.postgres_connection (or TRENDINSIGHT_PG, or --pg) is required for store postgres");
        }

        if (errors.Count > 0)
        {
            throw new TrendInsightException("invalid schedule: " + string.Join("; ", errors));
        }
    }
}
