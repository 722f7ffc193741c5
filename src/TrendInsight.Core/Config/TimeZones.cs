namespace TrendInsight.Core.Config;

/// <summary>Looks up the IANA time zones the configuration names (<c>time_zone</c>, <c>ingest.time_zone</c>, <c>schedule.time_zone</c>).</summary>
internal static class TimeZones
{
    /// <summary>The zone <paramref name="id"/> names, or null when this machine knows no such zone.</summary>
    public static TimeZoneInfo? Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }
}
