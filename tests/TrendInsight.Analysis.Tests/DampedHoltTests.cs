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
}
