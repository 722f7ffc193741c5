namespace TrendInsight.Analysis.Tests;

/// <summary>The forecast interval calibrated on backtests (<see cref="CalibratedForecast"/>) and its usefulness verdict.</summary>
public sealed class CalibratedForecastTests
{
    /// <summary>A daily interest series: a drifting level with multiplicative noise of spread <paramref name="noise"/> (in log units).</summary>
    private static List<double> Series(int seed, int days, double start, double drift, double noise)
    {
        var random = new Random(seed);
        var series = new List<double>(days);
        var level = Math.Log(start);
        for (var t = 0; t < days; t++)
        {
            level += drift + 0.03 * Normal(random);
            series.Add(Math.Exp(level + noise * Normal(random)));
        }

        return series;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Forecast_NoisyTopics_BacktestCoverageIsAboutEightyPercent()
    {
        var coverages = Enumerable.Range(1, 30)
            .Select(seed => CalibratedForecast.Forecast(Series(seed, 35, 800, 0.02, 0.15), 21, 0.8).Coverage)
            .ToList();

        Assert.All(coverages, c => Assert.NotNull(c));
        var mean = coverages.Average(c => c!.Value);
        Assert.InRange(mean, 0.72, 0.88);
    }

    [Fact]
    public void Forecast_HeldOutWeek_IntervalHoldsAboutEightyPercentOfTheDays()
    {
        // calibrated on the first 35 days only; judged on the 7 days after, which it never saw
        var inside = 0;
        var days = 0;
        for (var seed = 100; seed < 160; seed++)
        {
            var series = Series(seed, 42, 1500, 0.01, 0.2);
            var forecast = CalibratedForecast.Forecast(series.Take(35).ToList(), 7, 0.8);
            foreach (var p in forecast.Points)
            {
                var actual = series[34 + p.Horizon];
                inside += actual >= p.Lo && actual <= p.Hi ? 1 : 0;
                days++;
            }
        }

        Assert.InRange((double)inside / days, 0.7, 0.92);
    }

    [Fact]
    public void Forecast_SteadyTopic_IsInformative()
    {
        var forecast = CalibratedForecast.Forecast(Series(3, 35, 2000, 0.01, 0.08), 21, 0.8);

        Assert.True(forecast.Informative, $"multiplier {forecast.Multiplier}, mape {forecast.Mape}");
        Assert.True(forecast.Points[6].Hi / forecast.Points[6].Lo < CalibratedForecast.MaxBandRatio);
    }

    [Fact]
    public void Forecast_WildTopicFromNothing_SaysItHasNoUsefulInformation()
    {
        // a topic that swings by factors of three from day to day, as one that began from nothing does
        var forecast = CalibratedForecast.Forecast(Series(5, 35, 50, 0.12, 1.1), 21, 0.8);

        Assert.False(forecast.Informative, $"multiplier {forecast.Multiplier}, mape {forecast.Mape}");
    }

    [Fact]
    public void Forecast_TwoDays_IsNotInformative()
    {
        var forecast = CalibratedForecast.Forecast([10.0, 12.0], 7, 0.8);

        Assert.False(forecast.Informative);
        Assert.Equal(7, forecast.Points.Count);
        Assert.Null(forecast.Coverage);
    }
}
