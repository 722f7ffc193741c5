using TrendInsight.Core;

namespace TrendInsight.Ingest.Tests;

public sealed class LockTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task IngestAsync_WhileAnotherHoldsTheLock_FailsWithClearTransientMessage()
    {
        using var held = await IngestLock.AcquireAsync(_h.Layout, TimeSpan.Zero, _h.Clock, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<TrendInsightException>(
            () => new IngestService(_h.Config, _h.Clock).IngestAsync(_h.Layout, null, null, CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Contains("another ingest is running (pid " + Environment.ProcessId, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_AfterLockReleased_Runs()
    {
        using (await IngestLock.AcquireAsync(_h.Layout, TimeSpan.Zero, _h.Clock, CancellationToken.None))
        {
        }

        var summary = await new IngestService(_h.Config, _h.Clock).IngestAsync(_h.Layout, null, null, CancellationToken.None);

        Assert.Equal(0, summary.RowsRead);
    }
}
