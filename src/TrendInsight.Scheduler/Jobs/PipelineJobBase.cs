using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;
using TrendInsight.Core;

namespace TrendInsight.Scheduler.Jobs;

/// <summary>
/// What the three jobs share: the business day a firing is for, the attempt number, and the failure
/// policy — a transient failure schedules a one-shot retry of the same job and day with exponential
/// backoff; a fatal one (or the last attempt) is logged with the day and the reason and ends the
/// firing normally, so the trigger and the other days go on.
/// </summary>
public abstract class PipelineJobBase : IJob
{
    private readonly BackoffPolicy _retry;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    protected PipelineJobBase(BackoffPolicy retry, TimeProvider clock, ILogger logger)
    {
        _retry = retry;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The stage name in logs and the run history.</summary>
    protected abstract string Stage { get; }

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var day = DayOf(context);
        var attempt = AttemptOf(context);
        Log.JobFired(_logger, context.JobDetail.Key.Name, context.Trigger.Key.ToString(), context.ScheduledFireTimeUtc, context.Recovering, PipelineSteps.Instance);
        try
        {
            await RunAsync(day, attempt, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (_retry.ShouldRetry(ex, attempt))
        {
            var next = attempt + 1;
            var at = _clock.GetUtcNow() + _retry.DelayBefore(next);
            Log.StageRetrying(_logger, ex, Stage, BusinessCalendar.Format(day), attempt, _retry.MaxAttempts, at, ex.Message);
            var trigger = TriggerBuilder.Create(_clock)
                .WithIdentity($"retry-{Stage}-{BusinessCalendar.Format(day)}-{next.ToString(CultureInfo.InvariantCulture)}", PipelineJobs.Group)
                .ForJob(context.JobDetail.Key)
                .UsingJobData(PipelineJobs.DayKey, BusinessCalendar.Format(day))
                .UsingJobData(PipelineJobs.AttemptKey, next.ToString(CultureInfo.InvariantCulture))
                .StartAt(at)
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await context.Scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.StageFailed(_logger, ex, Stage, BusinessCalendar.Format(day), attempt, ex.Message);
        }
    }

    /// <summary>Does the stage's work for <paramref name="day"/>.</summary>
    protected abstract Task RunAsync(DateOnly day, int attempt, CancellationToken cancellationToken);

    /// <summary>
    /// The business day a firing is for: the <c>day</c> job data of a retry or one-shot firing; otherwise
    /// the day before the fire time in Asia/Shanghai (a 02:30 run analyzes yesterday, and a run missed
    /// while the host was down, fired once on start, analyzes the latest complete day). A recovered
    /// firing uses the original trigger's scheduled time, so a recovery redoes the same day.
    /// </summary>
    internal static DateOnly DayOf(IJobExecutionContext context) =>
        DayOf(context.MergedJobDataMap, context.Recovering ? context.ScheduledFireTimeUtc ?? context.FireTimeUtc : context.FireTimeUtc, context.Recovering, context.JobDetail.Key.ToString());

    internal static DateOnly DayOf(JobDataMap data, DateTimeOffset scheduled, bool recovering, string job)
    {
        if (data.TryGetValue(PipelineJobs.DayKey, out var dayValue) && dayValue?.ToString() is { Length: > 0 } dayText)
        {
            if (BusinessCalendar.TryParse(dayText, out var day))
            {
                return day;
            }

            throw new TrendInsightException($"job {job}: job data '{PipelineJobs.DayKey}' = '{dayText}' is not yyyy-MM-dd");
        }

        if (recovering && data.TryGetValue("QRTZ_FAILED_JOB_ORIG_TRIGGER_SCHEDULED_FIRETIME_AS_STRING", out var original)
            && ParseInstant(original?.ToString()) is { } originalTime)
        {
            scheduled = originalTime;
        }

        return BusinessCalendar.DateOf(scheduled).AddDays(-1);
    }

    internal static int AttemptOf(IJobExecutionContext context) =>
        context.MergedJobDataMap.TryGetValue(PipelineJobs.AttemptKey, out var value)
        && int.TryParse(value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempt) && attempt > 0
            ? attempt
            : 1;

    private static DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            // Quartz writes UTC ticks; milliseconds since the epoch are accepted as well.
            return number > 100_000_000_000_000L
                ? new DateTimeOffset(number, TimeSpan.Zero)
                : DateTimeOffset.FromUnixTimeMilliseconds(number);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
    }
}
