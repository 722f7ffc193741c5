namespace TrendInsight.Scheduler.Tests.TestDoubles;

/// <summary>Polls a condition until it holds; the limit only bounds a hung test, it is not an assertion on speed.</summary>
public static class Wait
{
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return condition();
    }
}
