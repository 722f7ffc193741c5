namespace TrendInsight.Core;

/// <summary>
/// The business day (<c>dt</c>) of every event is its date in Asia/Shanghai; timestamps without an
/// offset are Asia/Shanghai local time.
/// </summary>
public static class BusinessCalendar
{
    /// <summary>Asia/Shanghai (UTC+8, no daylight saving).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The business date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

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
}
