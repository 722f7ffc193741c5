namespace TrendInsight.Scheduler.Tests.TestDoubles;

public sealed record CallEntry(string Stage, DateOnly? Day, string Phase, int Pid);
