using System.Globalization;
using System.Text.Json;
using TrendInsight.Core;

namespace TrendInsight.Analysis;

/// <summary>
/// A trend known to have happened, from a ground-truth file: the simulator's <c>ground_truth.json</c>
/// (its <c>topics</c> and <c>seasonal_lookalikes</c>) or a user's list of past trends (<c>trends</c>);
/// the format is in <c>src/TrendInsight.Analysis/README.md</c> ("Evaluate").
/// </summary>
/// <param name="Id">The trend's name in the file.</param>
/// <param name="Terms">Its words; the first is its core word.</param>
/// <param name="RisingFrom">First day it should be listed as rising.</param>
/// <param name="RisingTo">Last day it should be listed as rising (or at its peak).</param>
/// <param name="Target">Whether it counts for recall and id stability (a planted trend); a look-alike counts only as a real trend that must not be merged.</param>
/// <param name="LeadValues">Its leading segment by dimension (<c>age_band</c>, <c>gender</c>, <c>city_tier</c>); empty when none leads.</param>
/// <param name="SupplyLags">Whether supply trails its demand (a supply gap), false when supply keeps up, null when not known.</param>
public sealed record KnownTrend(
    string Id,
    IReadOnlyList<string> Terms,
    DateOnly RisingFrom,
    DateOnly RisingTo,
    bool Target,
    IReadOnlyDictionary<string, string> LeadValues,
    bool? SupplyLags)
{
    /// <summary>Days after a planted start before a trend is expected to be listed (one recent window).</summary>
    public const int SettleDays = 7;

    /// <summary>Days after a planted peak a trend still counts as listed (peaking).</summary>
    public const int PeakingDays = 6;

    /// <summary>Whether the trend should be on the list as of <paramref name="day"/>.</summary>
    public bool ActiveOn(DateOnly day) => day >= RisingFrom && day <= RisingTo;

    /// <summary>Reads a ground-truth file (simulator or user format).</summary>
    public static IReadOnlyList<KnownTrend> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TrendInsightException($"evaluate: truth file not found: {path}");
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        var trends = new List<KnownTrend>();
        try
        {
            if (root.TryGetProperty("topics", out var topics))
            {
                trends.AddRange(topics.EnumerateArray().Select(t => FromSimulator(t, target: true)));
            }

            if (root.TryGetProperty("seasonal_lookalikes", out var lookalikes))
            {
                trends.AddRange(lookalikes.EnumerateArray().Select(t => FromSimulator(t, target: false)));
            }

            if (root.TryGetProperty("trends", out var listed))
            {
                trends.AddRange(listed.EnumerateArray().Select(FromUser));
            }
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new TrendInsightException($"evaluate: {path}: {ex.Message}", isTransient: false, ex);
        }

        return trends.Count > 0 ? trends : throw new TrendInsightException($"evaluate: {path} holds no trends (expected \"topics\" or \"trends\")");
    }

    private static KnownTrend FromSimulator(JsonElement t, bool target)
    {
        var start = Date(t.GetProperty("start"));
        var peak = Date(t.GetProperty("peak"));
        var leads = new Dictionary<string, string>(StringComparer.Ordinal);
        if (t.TryGetProperty("segment_skew", out var skew) && skew.ValueKind == JsonValueKind.Object)
        {
            foreach (var dim in new[] { "age_band", "gender", "city_tier" })
            {
                if (skew.TryGetProperty(dim, out var v))
                {
                    leads[dim] = v.GetString()!;
                }
            }
        }

        bool? lags = t.TryGetProperty("supply", out var supply) ? string.Equals(supply.GetString(), "lagging", StringComparison.Ordinal) : null;
        return new KnownTrend(t.GetProperty("id").GetString()!, Strings(t.GetProperty("terms")), start.AddDays(SettleDays), peak.AddDays(PeakingDays), target, leads, lags);
    }

    private static KnownTrend FromUser(JsonElement t)
    {
        var leads = new Dictionary<string, string>(StringComparer.Ordinal);
        if (t.TryGetProperty("leads", out var l) && l.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in l.EnumerateObject())
            {
                leads[p.Name] = p.Value.GetString()!;
            }
        }

        bool? lags = t.TryGetProperty("supply_gap", out var gap) && gap.ValueKind is JsonValueKind.True or JsonValueKind.False ? gap.GetBoolean() : null;
        var target = !t.TryGetProperty("target", out var tg) || tg.ValueKind != JsonValueKind.False;
        return new KnownTrend(t.GetProperty("id").GetString()!, Strings(t.GetProperty("terms")), Date(t.GetProperty("from")), Date(t.GetProperty("to")), target, leads, lags);
    }

    private static List<string> Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.GetString()!.Trim().ToLowerInvariant())];

    private static DateOnly Date(JsonElement e) =>
        DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
