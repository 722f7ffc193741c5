namespace TrendInsight.Analysis;

/// <summary>
/// Damped-trend Holt exponential smoothing on log(1 + y) of a deseasonalised daily series, with the
/// smoothing parameters chosen by one-step Huber error on a small grid (updates clipped at three robust
/// standard deviations of the day-to-day change, so a one-day spike or gap does not steer the trend). The prediction interval is
/// in log space: a robust (MAD) one-step residual spread, widened like a local level
/// (σ² (1 + α² (h − 1))) for at most <see cref="GrowthDays"/> days and then held, and never narrower
/// than the error the method actually made in its backtest (up to twice the model's own spread). (The textbook ETS(A,Ad,N) variance adds
/// the trend's uncertainty too; on noisy daily counts with a fast-adapting trend it grows to
/// thousands of times the mean within three weeks, which no one can use.)
/// </summary>
internal static class DampedHolt
{
    private static readonly double[] Alphas = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
    private static readonly double[] Betas = [0.02, 0.05, 0.1, 0.2, 0.4];
    private const double Phi = 0.9;

    /// <summary>Days after which the interval stops widening (the damped trend has flattened by then too).</summary>
    public const int GrowthDays = 14;

    /// <summary>One forecast day.</summary>
    public readonly record struct Point(int Horizon, double Yhat, double Lo, double Hi);

    /// <summary>One forecast day in log space: the mean of log(1 + y) and the model's own spread of it.</summary>
    public readonly record struct Step(int Horizon, double LogMean, double Sd);

    /// <summary>
    /// The forecast path in log space, <paramref name="horizon"/> days after the end of <paramref name="series"/>:
    /// the damped-trend mean and the model's spread σ · sqrt(1 + α² (min(h, 14) − 1)), not yet scaled by any quantile.
    /// Null for fewer than three days.
    /// </summary>
    public static IReadOnlyList<Step>? Path(IReadOnlyList<double> series, int horizon)
    {
        if (series.Count < 3)
        {
            return null;
        }

        var y = series.Select(v => Math.Log(1 + Math.Max(0, v))).ToArray();
        var differences = new List<double>(y.Length);
        for (var t = 1; t < y.Length; t++)
        {
            differences.Add(y[t] - y[t - 1]);
        }

        var clip = Math.Max(3 * RobustSd(differences) / Math.Sqrt(2), 0.05);
        var best = (Sse: double.MaxValue, Alpha: 0.5, Beta: 0.1);
        foreach (var a in Alphas)
        {
            foreach (var b in Betas)
            {
                var sse = Fit(y, a, b, clip, out _, out _);
                if (sse < best.Sse)
                {
                    best = (sse, a, b);
                }
            }
        }

        var residuals = new List<double>(y.Length);
        Fit(y, best.Alpha, best.Beta, clip, out var level, out var trend, residuals);
        var sigma = RobustSd(residuals);
        var steps = new List<Step>(horizon);
        var damp = 0.0;
        for (var h = 1; h <= horizon; h++)
        {
            damp += Math.Pow(Phi, h);
            steps.Add(new Step(h, level + damp * trend, sigma * Math.Sqrt(1 + best.Alpha * best.Alpha * (Math.Min(h, GrowthDays) - 1))));
        }

        return steps;
    }

    /// <summary>Forecasts <paramref name="horizon"/> days after the end of <paramref name="series"/>.</summary>
    /// <param name="series">Daily values, oldest first, already divided by the weekday factors.</param>
    /// <param name="horizon">Days ahead.</param>
    /// <param name="z">Normal quantile of the interval (1.2816 for 80 %).</param>
    /// <param name="backtestLogError">
    /// Spread of the errors in log(1 + y) of the same method in a backtest on this series
    /// (<see cref="BacktestLogError"/>), if known: the interval is at least this wide (in log space).
    /// </param>
    public static IReadOnlyList<Point> Forecast(IReadOnlyList<double> series, int horizon, double z, double? backtestLogError = null)
    {
        if (series.Count < 3)
        {
            var last = series.Count == 0 ? 0 : series[^1];
            return [.. Enumerable.Range(1, horizon).Select(h => new Point(h, last, 0, last * 2 + 1))];
        }

        var y = series.Select(v => Math.Log(1 + Math.Max(0, v))).ToArray();
        // robust scale of the day-to-day noise (MAD of differences) for the Huber clip of the updates
        var differences = new List<double>(y.Length);
        for (var t = 1; t < y.Length; t++)
        {
            differences.Add(y[t] - y[t - 1]);
        }

        var clip = Math.Max(3 * RobustSd(differences) / Math.Sqrt(2), 0.05);
        var best = (Sse: double.MaxValue, Alpha: 0.5, Beta: 0.1);
        foreach (var a in Alphas)
        {
            foreach (var b in Betas)
            {
                var sse = Fit(y, a, b, clip, out _, out _);
                if (sse < best.Sse)
                {
                    best = (sse, a, b);
                }
            }
        }

        var residuals = new List<double>(y.Length);
        Fit(y, best.Alpha, best.Beta, clip, out var level, out var trend, residuals);
        var sigma = RobustSd(residuals);
        var floor = backtestLogError is > 0 and var bt && double.IsFinite(bt) ? bt : 0.0;
        var points = new List<Point>(horizon);
        var damp = 0.0;
        for (var h = 1; h <= horizon; h++)
        {
            damp += Math.Pow(Phi, h);
            var mean = level + damp * trend;
            var grown = sigma * Math.Sqrt(1 + best.Alpha * best.Alpha * (Math.Min(h, GrowthDays) - 1));
            // the backtest may widen the model's spread, at most to twice (a topic that began from
            // nothing has backtest errors of orders of magnitude that say little about the weeks ahead)
            var sd = Math.Max(grown, Math.Min(floor, 2 * grown));
            points.Add(new Point(
                h,
                Math.Max(0, Math.Exp(mean) - 1),
                Math.Max(0, Math.Exp(mean - z * sd) - 1),
                Math.Max(0, Math.Exp(mean + z * sd) - 1)));
        }

        return points;
    }

    /// <summary>
    /// Robust spread of a backtest's errors in log(1 + y): 1.4826 × the median absolute log error, so that
    /// a day with no data in the held-out weeks does not make every later interval span orders of magnitude.
    /// </summary>
    public static double BacktestLogError(IEnumerable<(double Actual, double Yhat)> days)
    {
        var errors = days.Select(d => Math.Abs(Math.Log(1 + Math.Max(0, d.Actual)) - Math.Log(1 + Math.Max(0, d.Yhat)))).Order().ToArray();
        return errors.Length == 0 ? 0 : 1.4826 * errors[errors.Length / 2];
    }

    /// <summary>Spread of residuals robust to one-day spikes: 1.4826 × median absolute deviation (RMS if that is 0).</summary>
    private static double RobustSd(List<double> residuals)
    {
        if (residuals.Count == 0)
        {
            return 0;
        }

        var sorted = residuals.Order().ToArray();
        var median = sorted[sorted.Length / 2];
        var deviations = residuals.Select(r => Math.Abs(r - median)).Order().ToArray();
        var mad = 1.4826 * deviations[deviations.Length / 2];
        return mad > 0 ? mad : Math.Sqrt(residuals.Sum(r => r * r) / residuals.Count);
    }

    private static double Fit(double[] y, double alpha, double beta, double clip, out double level, out double trend, List<double>? residuals = null)
    {
        level = y[0];
        trend = y[1] - y[0];
        var sse = 0.0;
        for (var t = 1; t < y.Length; t++)
        {
            var predicted = level + Phi * trend;
            var raw = y[t] - predicted;
            residuals?.Add(raw);
            // Huber: a one-day spike or gap moves level and trend by at most clip
            var error = Math.Clamp(raw, -clip, clip);
            sse += Math.Abs(raw) <= clip ? raw * raw : clip * (2 * Math.Abs(raw) - clip);
            var newLevel = predicted + alpha * error;
            trend = Phi * trend + alpha * beta * error;
            level = newLevel;
        }

        return sse;
    }

    /// <summary>Normal quantile for a central interval of <paramref name="coverage"/> (Acklam's approximation).</summary>
    public static double NormalQuantile(double coverage)
    {
        var p = 0.5 + coverage / 2;
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        if (p > 0.97575)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
