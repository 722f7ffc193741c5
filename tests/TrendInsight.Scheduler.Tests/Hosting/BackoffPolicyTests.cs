using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Scheduler.Jobs;

namespace TrendInsight.Scheduler.Tests.Hosting;

public class BackoffPolicyTests
{
    private readonly BackoffPolicy _policy = new(new ScheduleConfig { MaxAttempts = 4, RetryDelaySeconds = 30, MaxRetryDelaySeconds = 90 });

    [Fact]
    public void DelayBefore_LaterAttempts_DoublesUpToTheCap()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), _policy.DelayBefore(2));
        Assert.Equal(TimeSpan.FromSeconds(60), _policy.DelayBefore(3));
        Assert.Equal(TimeSpan.FromSeconds(90), _policy.DelayBefore(4));
        Assert.Equal(TimeSpan.FromSeconds(90), _policy.DelayBefore(10));
    }

    [Fact]
    public void ShouldRetry_TransientBeforeLastAttempt_True()
    {
        Assert.True(_policy.ShouldRetry(new TrendInsightException("data/warehouse.duckdb: database is locked", isTransient: true), 1));
        Assert.True(_policy.ShouldRetry(new IOException("landing/search/搜索词-2026-11-11.csv: sharing violation"), 3));
    }

    [Fact]
    public void ShouldRetry_TransientOnLastAttempt_False()
    {
        Assert.False(_policy.ShouldRetry(new TrendInsightException("busy", isTransient: true), 4));
    }

    [Fact]
    public void ShouldRetry_FatalError_False()
    {
        Assert.False(_policy.ShouldRetry(new TrendInsightException("pipelines/lexicon/apparel.txt:12: 詞頻 'abc' is not a number"), 1));
        Assert.False(_policy.ShouldRetry(new InvalidOperationException("bug"), 1));
    }
}
