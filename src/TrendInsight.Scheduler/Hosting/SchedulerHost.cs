using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using TrendInsight.Scheduler.Jobs;
using TrendInsight.Scheduler.Logging;
using TrendInsight.Scheduler.State;

namespace TrendInsight.Scheduler.Hosting;

/// <summary>
/// The <c>trendinsight schedule</c> host: Quartz on a persistent job store (SQLite in <c>data/state/</c>,
/// or PostgreSQL clustered), the three pipeline jobs, logs to the console and to
/// <c>data/state/logs/</c>. Ctrl-C or SIGTERM stops it after the running jobs finish.
/// </summary>
public static class SchedulerHost
{
    /// <summary>Builds the host. <paramref name="registerStages"/> registers <c>IIngestService</c>, <c>IAnalyzeService</c> and <c>IReportService</c>.</summary>
    public static IHost Build(SchedulerSettings settings, Action<IServiceCollection> registerStages, TimeProvider? clock = null)
    {
        settings.Validate();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "trendinsight" });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz ";
            o.UseUtcTimestamp = false;
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
                || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal))
            {
                o.ColorBehavior = Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled;
            }
        });
        builder.Logging.AddProvider(new JsonFileLoggerProvider(settings.LogFolder, clock ?? TimeProvider.System));

        var services = builder.Services;
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromHours(1));
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Layout);
        services.AddSingleton(settings.Config);
        services.AddSingleton(sp => RunHistory.ForLayout(settings.Layout, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BackoffPolicy>();
        services.AddSingleton(sp =>
        {
            var steps = ActivatorUtilities.CreateInstance<PipelineSteps>(sp);
            steps.RetriesTransientFailures = true;
            return steps;
        });
        services.AddSingleton<ScheduleRegistrar>();
        services.AddTransient<IngestJob>();
        services.AddTransient<AnalyzeJob>();
        services.AddTransient<ReportJob>();
        registerStages(services);

        // Registration order is start order: the schedules are in the store before the scheduler starts.
        services.AddHostedService<ScheduleRegistrarService>();
        services.AddQuartz(q => QuartzConfigurator.Configure(q, settings));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder.Build();
    }
}
