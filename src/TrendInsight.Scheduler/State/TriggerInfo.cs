namespace TrendInsight.Scheduler.State;

/// <summary>A trigger in the job store: which job it fires, its state, and when it fires next.</summary>
public sealed record TriggerInfo(string Job, string Trigger, string State, DateTimeOffset? NextFireUtc, DateTimeOffset? PreviousFireUtc, string? Cron);
