namespace TrendInsight.Reports.Tests.Support;

/// <summary>A clock that stands still at a given instant.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
