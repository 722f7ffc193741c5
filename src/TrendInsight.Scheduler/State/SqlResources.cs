using System.Collections.Concurrent;
using TrendInsight.Core;

namespace TrendInsight.Scheduler.State;

/// <summary>The embedded SQL files under <c>Sql/</c>, read once each.</summary>
internal static class SqlResources
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Get(string name) => Cache.GetOrAdd(name, static n =>
    {
        var resource = $"TrendInsight.Scheduler.Sql.{n}.sql";
        using var stream = typeof(SqlResources).Assembly.GetManifestResourceStream(resource)
            ?? throw new TrendInsightException($"Embedded SQL resource missing: {resource}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
