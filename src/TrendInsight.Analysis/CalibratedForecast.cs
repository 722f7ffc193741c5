namespace TrendInsight.Analysis;

/// <summary>
/// The damped-Holt forecast (<see cref="DampedHolt"/>) with its interval calibrated on the series' own
/// backtests, and the verdict whether it carries useful information.
/// </summary>
/// <remarks>
/// Rolling origins: for every day from the first with a week of activity behind it, the method is fitted
/// on the days before and forecasts the days after (up to the horizon). Each forecast day gives an error
/// in log(1 + y), divided by the model's own spread for that horizon. The interval's multiplier is the
/// quantile of those standardised errors whose interval holds the promised <c>coverage</c> of backtest days
/// out of sample: each origin's days are judged with a multiplier taken from the origins at least a week away
/// (cross-fitted), and the quantile level is raised from <c>coverage</c> until that cross-fitted share reaches
/// it (for normal, independent errors the level stays at <c>coverage</c>: z = 1.28 at 80%). The coverage
/// reported is that cross-fitted share. A forecast whose cross-fitted coverage stays more than
/// <see cref="MaxCoverageShortfall"/> short of the promise, or whose
/// interval a week ahead spans more than <see cref="MaxBandRatio"/>× (high over low), or whose backtest
/// error up to a week ahead exceeds <see cref="MaxMape"/>, says nothing a merchandiser can use and is
/// marked not informative.
/// </remarks>
internal static class CalibratedForecast
{
    /// <summary>Fewest standardised backtest errors to calibrate on; with fewer the normal quantile is used.</summary>
    public const int MinPairs = 20;

    /// <summary>Widest useful interval a week ahead: (high + 1) ÷ (low + 1).</summary>
    public const double MaxBandRatio = 4;

    /// <summary>Largest useful mean absolute percentage error of the backtests.</summary>
    public const double MaxMape = 0.6;

    /// <summary>How far the cross-fitted coverage may fall short of the share promised before the forecast is of no use.</summary>
    public const double MaxCoverageShortfall = 0.15;

    /// <summary>Highest quantile level of the standardised errors the interval is calibrated with.</summary>
    private const double MaxLevel = 0.98;

    /// <summary>Step of the calibrated quantile level.</summary>
    private const double LevelStep = 0.01;

    /// <summary>The horizon the verdict judges: a week ahead.</summary>
    private const int WeekDays = 7;

    /// <summary>Days of history a backtest origin needs (counted from the first active day).</summary>
    private const int MinFitDays = 10;

    /// <summary>Origins closer than this are left out of each other's cross-fitted multiplier.</summary>
    private const int BlockDays = 7;

    /// <summary>The floor of the model's spread in log space, so that a flat stretch does not make every error infinite.</summary>
    private const double MinSd = 0.05;

    /// <summary>The forecast and what its backtests say about it.</summary>
    /// <param name="Points">Forecast days (deseasonalised, as the input).</param>
    /// <param name="Mape">Mean absolute percentage error over the backtest days up to a week ahead; null without backtests.</param>
    /// <param name="Coverage">Cross-fitted share of backtest days inside the interval; null without enough backtests.</param>
    /// <param name="Informative">False when the interval is too wide or the backtest error too large to be of use.</param>
    /// <param name="Multiplier">The interval's multiplier of the model's spread (the normal quantile when not calibrated).</param>
    /// <param name="BacktestDays">Standardised backtest errors the multiplier rests on.</param>
    public sealed record Result(IReadOnlyList<DampedHolt.Point> Points, double? Mape, double? Coverage, bool Informative, double Multiplier, int BacktestDays);

    public static Result Forecast(IReadOnlyList<double> series, int horizon, double coverage)
    {
        var z = DampedHolt.NormalQuantile(coverage);
        var path = DampedHolt.Path(series, horizon);
        if (path is null)
        {
            return new Result(DampedHolt.Forecast(series, horizon, z), null, null, false, z, 0);
        }

        var pairs = Backtest(series, horizon);
        var (level, covered) = pairs.Count >= MinPairs ? CalibratedLevel(pairs, coverage) : (coverage, (double?)null);
        var multiplier = pairs.Count >= MinPairs ? Quantile(pairs.Select(p => p.Standardised), level) : z;
        var week = pairs.Where(p => p.Horizon <= WeekDays).ToList();
        double? mape = week.Count == 0 ? null : week.Average(p => Math.Abs(p.Actual - p.Yhat) / Math.Max(p.Actual, 1.0));

        var points = path.Select(s => new DampedHolt.Point(
            s.Horizon,
            Math.Max(0, Math.Exp(s.LogMean) - 1),
            Math.Max(0, Math.Exp(s.LogMean - multiplier * Math.Max(s.Sd, MinSd)) - 1),
            Math.Max(0, Math.Exp(s.LogMean + multiplier * Math.Max(s.Sd, MinSd)) - 1))).ToList();
        var weekAhead = path[Math.Min(WeekDays, path.Count) - 1];
        var bandRatio = Math.Exp(2 * multiplier * Math.Max(weekAhead.Sd, MinSd));
        var informative = bandRatio <= MaxBandRatio && (mape is null || mape <= MaxMape)
            && (covered is null || covered >= coverage - MaxCoverageShortfall);
        return new Result(points, mape, covered, informative, multiplier, pairs.Count);
    }

    private readonly record struct Pair(int Origin, int Horizon, double Standardised, double Actual, double Yhat);

    private static List<Pair> Backtest(IReadOnlyList<double> series, int horizon)
    {
        var firstActive = 0;
        while (firstActive < series.Count && series[firstActive] <= 0)
        {
            firstActive++;
        }

        var pairs = new List<Pair>();
        for (var origin = firstActive + MinFitDays; origin < series.Count; origin++)
        {
            var path = DampedHolt.Path([.. series.Take(origin)], Math.Min(horizon, series.Count - origin));
            if (path is null)
            {
                continue;
            }

            foreach (var step in path)
            {
                var actual = series[origin + step.Horizon - 1];
                var error = Math.Log(1 + Math.Max(0, actual)) - step.LogMean;
                pairs.Add(new Pair(origin, step.Horizon, Math.Abs(error) / Math.Max(step.Sd, MinSd), actual, Math.Max(0, Math.Exp(step.LogMean) - 1)));
            }
        }

        return pairs;
    }

    /// <summary>
    /// The quantile level of the standardised errors whose interval holds <paramref name="coverage"/> of the
    /// backtest days when judged out of sample, with that cross-fitted coverage. Errors of nearby origins move
    /// together (a run of surprises), so the level that holds the share in sample holds less out of it: the
    /// level is raised in steps of 0.01 (up to <see cref="MaxLevel"/>) until the cross-fitted coverage reaches
    /// the share promised.
    /// </summary>
    private static (double Level, double? Coverage) CalibratedLevel(List<Pair> pairs, double coverage)
    {
        var folds = new List<(double[] Others, double[] Own)>();
        foreach (var group in pairs.GroupBy(p => p.Origin))
        {
            var others = pairs.Where(p => Math.Abs(p.Origin - group.Key) >= BlockDays).Select(p => p.Standardised).Order().ToArray();
            if (others.Length >= MinPairs)
            {
                folds.Add((others, group.Select(p => p.Standardised).ToArray()));
            }
        }

        if (folds.Count == 0)
        {
            return (coverage, null);
        }

        var level = coverage;
        var covered = CrossFittedCoverage(folds, level);
        while (covered < coverage && level + LevelStep <= MaxLevel + 1e-9)
        {
            level += LevelStep;
            covered = CrossFittedCoverage(folds, level);
        }

        return (level, covered);
    }

    private static double CrossFittedCoverage(List<(double[] Others, double[] Own)> folds, double level)
    {
        var inside = 0;
        var judged = 0;
        foreach (var (others, own) in folds)
        {
            var multiplier = QuantileSorted(others, level);
            judged += own.Length;
            inside += own.Count(e => e <= multiplier);
        }

        return (double)inside / judged;
    }

    /// <summary>The <paramref name="q"/> quantile (linear between order statistics).</summary>
    private static double Quantile(IEnumerable<double> values, double q) => QuantileSorted(values.Order().ToArray(), q);

    private static double QuantileSorted(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
