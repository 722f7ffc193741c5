namespace TrendInsight.Analysis.Tests;

public sealed class DampedHoltTests
{
    private static double Clean(int t) => 500 + 5 * t + 25 * Math.Sin(t * 2 * Math.PI / 5.3);

    [Fact]
    public void Forecast_CleanTrendWithRipple_IntervalHoldsTheContinuation()
    {
        var history = Enumerable.Range(0, 35).Select(Clean).ToList();
        var z = DampedHolt.NormalQuantile(0.8);
        var forecast = DampedHolt.Forecast(history, 14, z);
        Assert.Equal(14, forecast.Count);
        foreach (var p in forecast)
        {
            var actual = Clean(34 + p.Horizon);
            Assert.True(p.Lo <= actual && actual <= p.Hi, $"h={p.Horizon}: {actual:F1} outside [{p.Lo:F1}, {p.Hi:F1}]");
        }
    }

    [Fact]
    public void Forecast_Interval_WidensWithTheHorizon()
    {
        var history = Enumerable.Range(0, 35).Select(Clean).ToList();
        var forecast = DampedHolt.Forecast(history, 21, DampedHolt.NormalQuantile(0.8));
        for (var i = 1; i < forecast.Count; i++)
        {
            Assert.True(forecast[i].Hi - forecast[i].Lo >= forecast[i - 1].Hi - forecast[i - 1].Lo);
        }
    }

    [Theory]
    [InlineData(0.8, 1.2816)]
    [InlineData(0.95, 1.9600)]
    public void NormalQuantile_KnownCoverage_MatchesTables(double coverage, double expected)
    {
        Assert.Equal(expected, DampedHolt.NormalQuantile(coverage), 3);
    }

    /// <summary>
    /// A noisy rising topic like the simulated ones: exponential growth to ~2,000/day over 8 weeks,
    /// multiplicative day-to-day noise, weekday swing, a one-day event spike and a few near-empty days.
    /// </summary>
    private static List<double> NoisyRising(int seed)
    {
        var random = new Random(seed);
        double[] weekday = [0.94, 0.93, 0.95, 0.97, 1.05, 1.22, 1.18];
        var series = new List<double>();
        for (var t = 0; t < 56; t++)
        {
            var trend = 60 * Math.Exp(t * Math.Log(2000 / 60.0) / 55);
            var noise = Math.Exp(0.35 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2);
            var y = trend * noise * weekday[t % 7];
            if (t == 17)
            {
                y *= 3;
            }

            if (random.NextDouble() < 0.05)
            {
                y = random.Next(0, 5);
            }

            series.Add(y);
        }

        return series;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(20261122)]
    public void Forecast_NoisyRisingSeries_IntervalStaysWithinAMultipleOfTheObservedRange(int seed)
    {
        var history = NoisyRising(seed);
        var z = DampedHolt.NormalQuantile(0.8);
        var recentMax = history.TakeLast(14).Max();
        var backtest = DampedHolt.Forecast(history.Take(35).ToList(), 21, z);
        var logError = DampedHolt.BacktestLogError(Enumerable.Range(0, 21).Select(k => (history[35 + k], backtest[k].Yhat)));
        foreach (var withBacktest in new double?[] { null, logError })
        {
            var forecast = DampedHolt.Forecast(history, 21, z, withBacktest);
            Assert.All(forecast, p =>
            {
                Assert.True(p.Lo >= 0 && p.Lo <= p.Yhat, $"h={p.Horizon}: lo {p.Lo:F0} yhat {p.Yhat:F0}");
                Assert.True(p.Yhat >= 0.2 * recentMax && p.Yhat <= 4 * recentMax, $"h={p.Horizon}: yhat {p.Yhat:F0} vs recent max {recentMax:F0} (backtest {withBacktest}) last {history[^1]:F0}");
                // an 80 % interval three weeks out: within a few times the recent level, not 10⁶ of it
                Assert.True(p.Hi <= 8 * recentMax, $"h={p.Horizon}: hi {p.Hi:F0} vs recent max {recentMax:F0} (backtest {withBacktest})");
                Assert.True(p.Hi >= p.Yhat * 1.05, $"h={p.Horizon}: interval [{p.Lo:F0}, {p.Hi:F0}] around {p.Yhat:F0} is too narrow for this noise");
            });
        }
    }

    [Fact]
    public void Forecast_BacktestError_IsAFloorOfTheInterval()
    {
        var history = Enumerable.Range(0, 35).Select(Clean).ToList();
        var z = DampedHolt.NormalQuantile(0.8);
        var plain = DampedHolt.Forecast(history, 7, z);
        var floored = DampedHolt.Forecast(history, 7, z, backtestLogError: 0.3);
        for (var i = 0; i < plain.Count; i++)
        {
            Assert.Equal(plain[i].Yhat, floored[i].Yhat, 6);
            Assert.True(floored[i].Hi >= plain[i].Hi);
            Assert.True(floored[i].Hi >= Math.Min(floored[i].Yhat * Math.Exp(z * 0.3), plain[i].Yhat * Math.Exp(2 * Math.Log((plain[i].Hi + 1) / (plain[i].Yhat + 1)))) * 0.99);
        }

        var huge = DampedHolt.Forecast(history, 7, z, backtestLogError: 50);
        for (var i = 0; i < plain.Count; i++)
        {
            // at most twice the model's own log spread
            Assert.True(Math.Log((huge[i].Hi + 1) / (huge[i].Yhat + 1)) <= 2 * Math.Log((plain[i].Hi + 1) / (plain[i].Yhat + 1)) + 1e-9);
        }
    }
}
