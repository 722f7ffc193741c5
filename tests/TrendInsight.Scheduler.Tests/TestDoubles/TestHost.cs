using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.Scheduler.Hosting;

namespace TrendInsight.Scheduler.Tests.TestDoubles;

/// <summary>Builds the real scheduler host on a temp data folder with <see cref="RecordingStages"/>.</summary>
public static class TestHost
{
    /// <summary>A cron that never fires within a test.</summary>
    public const string Never = "0 0 0 1 1 ? 2099";

    public static SchedulerSettings Settings(string dataRoot, ScheduleConfig? config = null) =>
        SchedulerSettings.From(new PipelineConfig { Schedule = config ?? new ScheduleConfig() }, new DataLayout(dataRoot)) with
        {
            IngestCron = Never,
            AnalyzeCron = Never,
            ReportCron = Never,
        };

    public static IHost Build(SchedulerSettings settings, RecordingStages stages) =>
        SchedulerHost.Build(settings, services =>
        {
            services.AddSingleton<IIngestService>(stages);
            services.AddSingleton<IAnalyzeService>(stages);
            services.AddSingleton<IReportService>(stages);
        });
}
