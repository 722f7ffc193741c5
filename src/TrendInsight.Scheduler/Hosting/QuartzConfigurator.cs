using Quartz;

namespace TrendInsight.Scheduler.Hosting;

/// <summary>Turns <see cref="SchedulerSettings"/> into Quartz configuration: persistent store, schema, clustering.</summary>
internal static class QuartzConfigurator
{
    public static void Configure(IQuartzBuilder q, SchedulerSettings settings)
    {
        q.ConfigureScheduler(o =>
        {
            o.InstanceName = settings.SchedulerName;
            o.DefaultTimeZone = settings.TimeZone;
            if (settings.InstanceId is { } id)
            {
                o.InstanceId = id;
            }
        });
        q.UseDefaultThreadPool(settings.MaxConcurrency);
        q.UsePersistentStore(store =>
        {
            store.ConfigureStore(o =>
            {
                o.MisfireThreshold = settings.MisfireThreshold;
                o.StoreJobDataAsStrings = true;
                o.UseBackgroundThreads = true;
            });
            store.ProvisionSchema();
            store.UseSystemTextJsonSerializer(_ => { });
            if (settings.Clustered)
            {
                store.UsePostgres(settings.PostgresConnection!);
                // A node is presumed dead once it has missed a check-in by Quartz's default margin.
                store.UseClustering(c => c.CheckinInterval = settings.ClusterCheckin);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(settings.SqliteFile)!);
                store.UseSqlite($"Data Source={settings.SqliteFile};Default Timeout=60");
            }
        });
    }
}
