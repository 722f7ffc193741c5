namespace TrendInsight.Simulation.Tests;

/// <summary>A clock fixed at one instant.</summary>
public sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
