using Quartz;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Scheduler.Hosting;
using TrendInsight.Scheduler.Jobs;
using TrendInsight.Scheduler.Tests.TestDoubles;

namespace TrendInsight.Scheduler.Tests.Hosting;

/// <summary>The configured crons fire when a merchandiser in Shanghai expects them, computed by Quartz's own trigger API against fixed instants.</summary>
public class CronScheduleTests
{
    private static readonly ScheduleConfig Defaults = new();
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Triggers start at this instant; every "after" below is later.
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    private static DateTimeOffset? NextAfter(JobKey job, string cron, DateTimeOffset after) =>
        ScheduleRegistrar.BuildCronTrigger(job, cron, Shanghai, Clock).GetFireTimeAfter(after);

    [Fact]
    public void AnalyzeCron_BeforeHalfPastTwoShanghai_FiresAt1830UtcSameUtcDay()
    {
        // 2026-11-22 02:00 in Shanghai is 2026-11-21 18:00 UTC.
        var next = NextAfter(PipelineJobs.Analyze, Defaults.AnalyzeCron, Utc(2026, 11, 21, 18, 0));
        Assert.Equal(Utc(2026, 11, 21, 18, 30), next);
    }

    [Fact]
    public void AnalyzeCron_JustAfterTheRun_FiresNextShanghaiNight()
    {
        var next = NextAfter(PipelineJobs.Analyze, Defaults.AnalyzeCron, Utc(2026, 11, 21, 18, 30, 1));
        Assert.Equal(Utc(2026, 11, 22, 18, 30), next);
    }

    [Fact]
    public void AnalyzeCron_InUtcInsteadOfShanghai_WouldFireEightHoursLater()
    {
        var utcTrigger = ScheduleRegistrar.BuildCronTrigger(PipelineJobs.Analyze, Defaults.AnalyzeCron, TimeZoneInfo.Utc, Clock);
        var inShanghai = NextAfter(PipelineJobs.Analyze, Defaults.AnalyzeCron, Utc(2026, 11, 21, 12, 0));
        var inUtc = utcTrigger.GetFireTimeAfter(Utc(2026, 11, 21, 12, 0));
        Assert.Equal(Utc(2026, 11, 21, 18, 30), inShanghai);
        Assert.Equal(Utc(2026, 11, 22, 2, 30), inUtc);
    }

    [Fact]
    public void ReportCron_OnSundayInShanghai_FiresMonday0800Shanghai()
    {
        // Sunday 2026-11-22 12:00 Shanghai → Monday 2026-11-23 08:00 Shanghai = 00:00 UTC.
        var next = NextAfter(PipelineJobs.Report, Defaults.ReportCron, Utc(2026, 11, 22, 4, 0));
        Assert.Equal(Utc(2026, 11, 23, 0, 0), next);
        Assert.Equal(DayOfWeek.Monday, TimeZoneInfo.ConvertTime(next!.Value, Shanghai).DayOfWeek);
    }

    [Fact]
    public void ReportCron_MondayAfterEightShanghai_WaitsAWeek()
    {
        var next = NextAfter(PipelineJobs.Report, Defaults.ReportCron, Utc(2026, 11, 23, 0, 0, 1));
        Assert.Equal(Utc(2026, 11, 30, 0, 0), next);
    }

    [Fact]
    public void ReportCron_SundayEveningUtcIsAlreadyMondayInShanghai_FiresThatMorning()
    {
        // Sunday 2026-11-22 23:00 UTC is Monday 07:00 in Shanghai: the report is an hour away, not a day.
        var next = NextAfter(PipelineJobs.Report, Defaults.ReportCron, Utc(2026, 11, 22, 23, 0));
        Assert.Equal(Utc(2026, 11, 23, 0, 0), next);
    }

    [Fact]
    public void IngestCron_Default_FiresOnTheNextFiveMinuteBoundary()
    {
        var trigger = ScheduleRegistrar.BuildCronTrigger(PipelineJobs.Ingest, Defaults.IngestCron, Shanghai, Clock);
        var first = trigger.GetFireTimeAfter(Utc(2026, 11, 21, 12, 3, 10));
        var second = trigger.GetFireTimeAfter(first);
        Assert.Equal(Utc(2026, 11, 21, 12, 5), first);
        Assert.Equal(Utc(2026, 11, 21, 12, 10), second);
    }

    [Fact]
    public void BuildCronTrigger_Always_FiresOnceAfterAMisfire()
    {
        var trigger = (ICronTrigger)ScheduleRegistrar.BuildCronTrigger(PipelineJobs.Analyze, Defaults.AnalyzeCron, Shanghai, Clock);
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, trigger.MisfireInstruction);
        Assert.Equal("Asia/Shanghai", trigger.TimeZone.Id);
    }

    [Fact]
    public void DayOf_AnalyzeFiredAtHalfPastTwoShanghai_IsYesterdayInShanghai()
    {
        // 02:30 on 2026-11-22 in Shanghai is still 2026-11-21 in UTC; the day analysed is 2026-11-21.
        var day = PipelineJobBase.DayOf(new JobDataMap(), Utc(2026, 11, 21, 18, 30), recovering: false, "analyze");
        Assert.Equal(new DateOnly(2026, 11, 21), day);
    }

    [Fact]
    public void DayOf_RetryFiringWithDayData_UsesTheDayData()
    {
        var data = new JobDataMap { [PipelineJobs.DayKey] = "2026-11-11" };
        var day = PipelineJobBase.DayOf(data, Utc(2026, 11, 21, 18, 30), recovering: false, "analyze");
        Assert.Equal(new DateOnly(2026, 11, 11), day);
    }

    [Fact]
    public void DayOf_MalformedDayData_ThrowsNamingTheKey()
    {
        var data = new JobDataMap { [PipelineJobs.DayKey] = "2026年11月11日" };
        var ex = Assert.Throws<TrendInsightException>(() => PipelineJobBase.DayOf(data, Utc(2026, 11, 21, 18, 30), recovering: false, "trendinsight.analyze"));
        Assert.Contains("'day'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2026年11月11日", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadCron_NamesTheKey()
    {
        var settings = new SchedulerSettings { Layout = new DataLayout(Path.GetTempPath()), Config = new ScheduleConfig(), AnalyzeCron = "30 2 * * *" };
        var ex = Assert.Throws<TrendInsightException>(settings.Validate);
        Assert.Contains("schedule.analyze_cron", ex.Message, StringComparison.Ordinal);
    }
}
