using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.Scheduler.Hosting;
using TrendInsight.Scheduler.Tests.TestDoubles;

namespace TrendInsight.Scheduler.Tests;

/// <summary>
/// Entry point of this assembly when a process test starts it as a scheduler node:
/// <c>dotnet TrendInsight.Scheduler.Tests.dll node --data DIR [--store sqlite|postgres --pg CONN] …</c>.
/// It is the real <see cref="SchedulerHost"/> with <see cref="RecordingStages"/> in place of the
/// pipeline's services, so a test can kill it and read what it did.
/// </summary>
public static class NodeProgram
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "node")
        {
            Console.Error.WriteLine("This assembly holds the scheduler's tests; 'node --data DIR …' starts a scheduler node for the process tests.");
            return 2;
        }

        return RunNodeAsync(Parse(args[1..])).GetAwaiter().GetResult();
    }

    private static async Task<int> RunNodeAsync(Dictionary<string, string> options)
    {
        var layout = new DataLayout(options["--data"]);
        var config = new PipelineConfig();
        var settings = SchedulerSettings.From(config, layout) with
        {
            Store = options.GetValueOrDefault("--store", "sqlite"),
            PostgresConnection = options.GetValueOrDefault("--pg"),
            IngestCron = options.GetValueOrDefault("--ingest-cron", "0 0 0 1 1 ? 2099"),
            AnalyzeCron = options.GetValueOrDefault("--analyze-cron", "0 0 0 1 1 ? 2099"),
            ReportCron = options.GetValueOrDefault("--report-cron", "0 0 0 1 1 ? 2099"),
            ClusterCheckin = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("--checkin-seconds", "7"), CultureInfo.InvariantCulture)),
            RegisterSchedules = !options.ContainsKey("--no-register"),
            InstanceId = options.GetValueOrDefault("--instance"),
        };

        var stages = new RecordingStages(new CallLog(Path.Combine(layout.Root, "calls.log")))
        {
            Delay = TimeSpan.FromMilliseconds(int.Parse(options.GetValueOrDefault("--delay-ms", "0"), CultureInfo.InvariantCulture)),
        };
        if (options.TryGetValue("--record-pg", out var recordConnection))
        {
            stages.Sink = (stage, day, phase) => RecordInPostgres(recordConnection, stage, day, phase);
        }

        using var host = SchedulerHost.Build(settings, services =>
        {
            services.AddSingleton<IIngestService>(stages);
            services.AddSingleton<IAnalyzeService>(stages);
            services.AddSingleton<IReportService>(stages);
        });
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => Console.WriteLine($"node ready pid={Environment.ProcessId}"));
        await host.RunAsync();
        Console.WriteLine("node stopped");
        return 0;
    }

    private static void RecordInPostgres(string connection, string stage, DateOnly? day, string phase)
    {
        using var conn = new NpgsqlConnection(connection);
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "INSERT INTO processed_days (stage, day, phase, pid) VALUES ($1, $2, $3, $4)";
        cmd.Parameters.AddWithValue(stage);
        cmd.Parameters.AddWithValue((object?)day ?? DBNull.Value);
        cmd.Parameters.AddWithValue(phase);
        cmd.Parameters.AddWithValue(Environment.ProcessId);
        cmd.ExecuteNonQuery();
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i]] = args[i + 1];
                i++;
            }
            else
            {
                options[args[i]] = "true";
            }
        }

        return options;
    }
}
