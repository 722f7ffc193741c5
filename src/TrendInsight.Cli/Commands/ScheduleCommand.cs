using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrendInsight.Analysis;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.Ingest;
using TrendInsight.Reports;
using TrendInsight.Scheduler.Hosting;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight schedule</c>: runs the Quartz host until Ctrl-C or SIGTERM (running jobs finish
/// first). The crons come from the <c>schedule:</c> section; <c>--ingest-cron</c> and friends override
/// them, e.g. <c>--ingest-cron "0/10 * * * * ?"</c> for a test schedule. <c>--store postgres --pg CONN</c>
/// joins a cluster of nodes sharing one PostgreSQL job store.
/// </summary>
public static class ScheduleCommand
{
    public static Command Create()
    {
        var store = new Option<string?>("--store") { Description = "Job store: sqlite (data/state) or postgres (clustered); default from config" };
        store.AcceptOnlyFromAmong("sqlite", "postgres");
        var pg = new Option<string?>("--pg") { Description = "Npgsql connection string for --store postgres (or env TRENDINSIGHT_PG)" };
        var ingestCron = new Option<string?>("--ingest-cron") { Description = "Quartz cron for ingest, e.g. \"0/10 * * * * ?\"" };
        var analyzeCron = new Option<string?>("--analyze-cron") { Description = "Quartz cron for analyze (default 02:30 daily)" };
        var reportCron = new Option<string?>("--report-cron") { Description = "Quartz cron for report (default Monday 08:00)" };
        var instanceId = new Option<string?>("--instance-id") { Description = "Node id in a cluster (default: generated)" };

        var command = new Command("schedule", "Run the scheduler (ingest, analyze, report jobs) until Ctrl-C/SIGTERM")
        {
            store, pg, ingestCron, analyzeCron, reportCron, instanceId,
        };

        // A synchronous action: the host's console lifetime handles Ctrl-C/SIGTERM and waits for running
        // jobs, with no command-line termination timeout cutting the wait short.
        command.SetAction(result =>
        {
            var config = CliContext.Config(result);
            var defaults = SchedulerSettings.From(config, CliContext.Layout(result));
            var settings = defaults with
            {
                Store = result.GetValue(store) ?? defaults.Store,
                PostgresConnection = result.GetValue(pg) ?? defaults.PostgresConnection,
                IngestCron = result.GetValue(ingestCron) ?? defaults.IngestCron,
                AnalyzeCron = result.GetValue(analyzeCron) ?? defaults.AnalyzeCron,
                ReportCron = result.GetValue(reportCron) ?? defaults.ReportCron,
                InstanceId = result.GetValue(instanceId),
            };
            using var host = SchedulerHost.Build(settings, services => AddStages(services, config));
            using var presence = SchedulerPresence.Announce(CliContext.Layout(result), settings.Store, TimeProvider.System);
            host.Run();
            return 0;
        });
        return command;
    }

    /// <summary>Registers the pipeline's stage services by their Core interfaces.</summary>
    public static void AddStages(IServiceCollection services, PipelineConfig config)
    {
        services.AddSingleton<IIngestService>(sp => new IngestService(config, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IAnalyzeService>(sp => new AnalyzeService(config, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IReportService>(sp => new ReportService(config, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
    }
}
