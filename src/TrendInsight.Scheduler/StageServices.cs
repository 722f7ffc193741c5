using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;

namespace TrendInsight.Scheduler;

/// <summary>
/// Creates the pipeline's stage services (<c>TrendInsight.Ingest.IngestService</c>,
/// <c>TrendInsight.Analysis.AnalyzeService</c>, <c>TrendInsight.Reports.ReportService</c>) through their
/// agreed constructor <c>(PipelineConfig, TimeProvider[, ILoggerFactory])</c>. They are looked up by
/// name so that the scheduler depends on the Core contracts only; a stage missing from this build is
/// reported when it is first needed, naming the type.
/// </summary>
public static class StageServices
{
    public const string IngestType = "TrendInsight.Ingest.IngestService, TrendInsight.Ingest";
    public const string AnalyzeType = "TrendInsight.Analysis.AnalyzeService, TrendInsight.Analysis";
    public const string ReportType = "TrendInsight.Reports.ReportService, TrendInsight.Reports";

    /// <summary>Registers the three stage services by their Core interfaces.</summary>
    public static IServiceCollection AddStageServices(this IServiceCollection services, PipelineConfig config)
    {
        services.AddSingleton(sp => Create<IIngestService>(IngestType, config, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp => Create<IAnalyzeService>(AnalyzeType, config, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        services.AddSingleton(sp => Create<IReportService>(ReportType, config, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()));
        return services;
    }

    /// <summary>Creates one stage service.</summary>
    public static T Create<T>(string typeName, PipelineConfig config, TimeProvider clock, ILoggerFactory? loggerFactory)
        where T : class
    {
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw new TrendInsightException($"{typeName}: stage service not found in this build (expected a public class implementing {typeof(T).Name})");
        if (!typeof(T).IsAssignableFrom(type))
        {
            throw new TrendInsightException($"{typeName} does not implement {typeof(T).FullName}");
        }

        var withLogger = type.GetConstructor([typeof(PipelineConfig), typeof(TimeProvider), typeof(ILoggerFactory)]);
        if (withLogger is not null)
        {
            return Invoke<T>(withLogger, [config, clock, loggerFactory]);
        }

        var plain = type.GetConstructor([typeof(PipelineConfig), typeof(TimeProvider)])
            ?? throw new TrendInsightException($"{typeName}: no public constructor (PipelineConfig, TimeProvider[, ILoggerFactory])");
        return Invoke<T>(plain, [config, clock]);
    }

    private static T Invoke<T>(System.Reflection.ConstructorInfo ctor, object?[] args)
    {
        try
        {
            return (T)ctor.Invoke(args);
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
    }
}
