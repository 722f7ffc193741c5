namespace TrendInsight.Scheduler.Hosting;

/// <summary>A <c>trendinsight schedule</c> process running on a data folder.</summary>
/// <param name="Instance">host:pid.</param>
/// <param name="Store">Its job store: sqlite or postgres.</param>
/// <param name="SinceUtc">When it started.</param>
public sealed record RunningScheduler(string Instance, string Store, DateTimeOffset SinceUtc);
