using System.Collections.Concurrent;
using TrendInsight.Core;

namespace TrendInsight.Scheduler.State;

/// <summary>The embedded SQL files under <c>Sql/</c>, read once each.</summary>
internal static class SqlResources
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Get(string name) => Cache.GetOrAdd(name, static n =>
        EmbeddedText.Read(typeof(SqlResources).Assembly, $"TrendInsight.Scheduler.Sql.{n}.sql"));
}
