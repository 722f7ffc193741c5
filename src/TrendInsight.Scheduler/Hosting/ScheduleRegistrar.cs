using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using TrendInsight.Core;
using TrendInsight.Scheduler.Jobs;

namespace TrendInsight.Scheduler.Hosting;

/// <summary>
/// Puts the three durable jobs and their cron triggers into the job store. A trigger whose cron and time
/// zone are unchanged is left exactly as stored, so its next fire time — and a misfire it is owed while
/// the host was down — survive the restart; a changed cron replaces the trigger.
/// </summary>
public sealed class ScheduleRegistrar
{
    private readonly SchedulerSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public ScheduleRegistrar(SchedulerSettings settings, TimeProvider clock, ILogger<ScheduleRegistrar>? logger = null)
    {
        _settings = settings;
        _clock = clock;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The jobs, their types and crons.</summary>
    public IReadOnlyList<(JobKey Job, Type Type, string Cron)> Jobs =>
    [
        (PipelineJobs.Ingest, typeof(IngestJob), _settings.IngestCron),
        (PipelineJobs.Analyze, typeof(AnalyzeJob), _settings.AnalyzeCron),
        (PipelineJobs.Report, typeof(ReportJob), _settings.ReportCron),
    ];

    /// <summary>Adds missing jobs and adds or updates their cron triggers.</summary>
    public async Task EnsureAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        foreach (var (jobKey, type, cron) in Jobs)
        {
            if (!await scheduler.Exists(jobKey, cancellationToken).ConfigureAwait(false))
            {
                await scheduler.AddJob(BuildJob(jobKey, type), AddJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
            }

            var triggerKey = PipelineJobs.CronTrigger(jobKey);
            var existing = await scheduler.GetTrigger(triggerKey, cancellationToken).ConfigureAwait(false) as ICronTrigger;
            if (existing is not null
                && string.Equals(existing.CronExpressionString, cron, StringComparison.Ordinal)
                && string.Equals(existing.TimeZone.Id, _settings.TimeZone.Id, StringComparison.Ordinal))
            {
                Log.TriggerKept(_logger, triggerKey.ToString(), cron, existing.NextFireTimeUtc);
                continue;
            }

            var trigger = BuildCronTrigger(jobKey, cron, _settings.TimeZone, _clock);
            var result = await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken).ConfigureAwait(false);
            Log.TriggerRegistered(_logger, triggerKey.ToString(), cron, _settings.TimeZone.Id, result.NextFireTimeUtc);
        }
    }

    /// <summary>A durable job that asks to be recovered when its node dies mid-run.</summary>
    public static IJobDetail BuildJob(JobKey key, Type type) =>
        JobBuilder.Create()
            .OfType(type)
            .WithIdentity(key)
            .StoreDurably()
            .RequestRecovery()
            .DisallowConcurrentExecution()
            .Build();

    /// <summary>
    /// The cron trigger of a job, in <paramref name="zone"/>: a run missed while the host was down fires
    /// once when it comes back (fire-and-proceed), then the schedule continues.
    /// </summary>
    public static ITrigger BuildCronTrigger(JobKey job, string cron, TimeZoneInfo zone, TimeProvider clock) =>
        TriggerBuilder.Create(clock)
            .WithIdentity(PipelineJobs.CronTrigger(job))
            .ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(cron)
                .InTimeZone(zone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(clock.GetUtcNow())
            .Build();

    /// <summary>A one-shot firing of <paramref name="job"/> for <paramref name="day"/> (a retry, a recovery test, an operator's request).</summary>
    public static ITrigger BuildDayTrigger(JobKey job, DateOnly day, DateTimeOffset at, TimeProvider clock) =>
        TriggerBuilder.Create(clock)
            .WithIdentity($"{job.Name}-{BusinessCalendar.Format(day)}", PipelineJobs.Group)
            .ForJob(job)
            .UsingJobData(PipelineJobs.DayKey, BusinessCalendar.Format(day))
            .StartAt(at)
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
}
