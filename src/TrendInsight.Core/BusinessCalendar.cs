namespace TrendInsight.Core;

/// <summary>
/// The business day (<c>dt</c>) of every event is its date in Asia/Shanghai; timestamps without an
/// offset are Asia/Shanghai local time.
/// </summary>
public static class BusinessCalendar
{
    /// <summary>Asia/Shanghai (UTC+8, no daylight saving).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>From this UTC instant on the zone keeps its base offset: no rule of its time zone data changes it again.</summary>
    private static readonly long SteadyFromUtcTicks = SteadyFrom(Zone);

    private static readonly long OffsetTicks = Zone.BaseUtcOffset.Ticks;

    /// <summary>The business date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant)
    {
        // Ingest asks this for every row: past the zone's last rule the date is the UTC time plus the base offset,
        // without TimeZoneInfo's rule lookup.
        var utc = instant.UtcTicks;
        return utc >= SteadyFromUtcTicks && utc <= DateTime.MaxValue.Ticks - OffsetTicks
            ? DateOnly.FromDateTime(new DateTime(utc + OffsetTicks))
            : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
    }

    private static long SteadyFrom(TimeZoneInfo zone)
    {
        var rules = zone.GetAdjustmentRules();
        if (rules.Length == 0)
        {
            return zone.SupportsDaylightSavingTime ? long.MaxValue : DateTime.MinValue.Ticks;
        }

        var last = rules[^1];
        if (last.DateEnd >= DateTime.MaxValue.Date)
        {
            return long.MaxValue;
        }

        // Rules are bounded by local dates: two days' margin covers any offset.
        var from = last.DateEnd.AddDays(2);
        return zone.GetUtcOffset(new DateTimeOffset(from, TimeSpan.Zero)) == zone.BaseUtcOffset ? from.Ticks : long.MaxValue;
    }

    /// <summary>Today's business date on <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>Yesterday's business date: the default day to analyse.</summary>
    public static DateOnly Yesterday(TimeProvider clock) => Today(clock).AddDays(-1);

    /// <summary>Interprets a wall-clock time in Asia/Shanghai.</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local));

    /// <summary>
    /// A business date as <c>YYYY-MM-DD</c>, the one form a day takes in partition and report folders,
    /// the run history, job data and messages.
    /// </summary>
    public static string Format(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a business date written as <c>YYYY-MM-DD</c> (see <see cref="Format"/>).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);

    /// <summary>Partition folder name for a date: <c>dt=YYYY-MM-DD</c>.</summary>
    public static string Partition(DateOnly date) => "dt=" + Format(date);

    /// <summary>Reads the date of a partition folder name <c>dt=YYYY-MM-DD</c> (see <see cref="Partition"/>).</summary>
    public static bool TryParsePartition(ReadOnlySpan<char> folderName, out DateOnly date)
    {
        date = default;
        return folderName.StartsWith("dt=", StringComparison.Ordinal) && TryParse(folderName[3..], out date);
    }

    /// <summary>The days that have a partition folder under <paramref name="root"/>, in no particular order; none when it does not exist.</summary>
    public static IEnumerable<DateOnly> PartitionDays(string root)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var dir in Directory.EnumerateDirectories(root, "dt=*"))
        {
            if (TryParsePartition(Path.GetFileName(dir), out var day))
            {
                yield return day;
            }
        }
    }
}
