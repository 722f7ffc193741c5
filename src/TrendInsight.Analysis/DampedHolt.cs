namespace TrendInsight.Analysis;

/// <summary>
/// Damped-trend Holt exponential smoothing on log(1 + y) of a deseasonalised daily series, with the
/// smoothing parameters chosen by one-step squared error on a small grid, and a prediction interval
/// from the one-step residuals widened with the horizon.
/// </summary>
internal static class DampedHolt
{
    private static readonly double[] Alphas = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9];
    private static readonly double[] Betas = [0.02, 0.05, 0.1, 0.2, 0.4];
    private const double Phi = 0.9;

    /// <summary>One forecast day.</summary>
    public readonly record struct Point(int Horizon, double Yhat, double Lo, double Hi);

    /// <summary>Forecasts <paramref name="horizon"/> days after the end of <paramref name="series"/>.</summary>
    /// <param name="series">Daily values, oldest first, already divided by the weekday factors.</param>
    /// <param name="horizon">Days ahead.</param>
    /// <param name="z">Normal quantile of the interval (1.2816 for 80 %).</param>
    public static IReadOnlyList<Point> Forecast(IReadOnlyList<double> series, int horizon, double z)
    {
        if (series.Count < 3)
        {
            var last = series.Count == 0 ? 0 : series[^1];
            return [.. Enumerable.Range(1, horizon).Select(h => new Point(h, last, 0, last * 2 + 1))];
        }

        var y = series.Select(v => Math.Log(1 + Math.Max(0, v))).ToArray();
        var best = (Sse: double.MaxValue, Alpha: 0.5, Beta: 0.1);
        foreach (var a in Alphas)
        {
            foreach (var b in Betas)
            {
                var sse = Fit(y, a, b, out _, out _);
                if (sse < best.Sse)
                {
                    best = (sse, a, b);
                }
            }
        }

        Fit(y, best.Alpha, best.Beta, out var level, out var trend);
        var sigma = Math.Sqrt(best.Sse / Math.Max(1, y.Length - 2));
        var points = new List<Point>(horizon);
        var damp = 0.0;
        var variance = 0.0;
        for (var h = 1; h <= horizon; h++)
        {
            damp += Math.Pow(Phi, h);
            var mean = level + damp * trend;
            // ETS(A,Ad,N) h-step variance: σ² (1 + Σ_{j<h} (α (1 + β φ_j))²), φ_j = Σ_{i≤j} φ^i
            if (h == 1)
            {
                variance = sigma * sigma;
            }
            else
            {
                var phiJ = 0.0;
                for (var i = 1; i <= h - 1; i++)
                {
                    phiJ += Math.Pow(Phi, i);
                }

                var c = best.Alpha * (1 + best.Beta * phiJ);
                variance += sigma * sigma * c * c;
            }

            var sd = Math.Sqrt(variance);
            points.Add(new Point(
                h,
                Math.Max(0, Math.Exp(mean) - 1),
                Math.Max(0, Math.Exp(mean - z * sd) - 1),
                Math.Max(0, Math.Exp(mean + z * sd) - 1)));
        }

        return points;
    }

    private static double Fit(double[] y, double alpha, double beta, out double level, out double trend)
    {
        level = y[0];
        trend = y[1] - y[0];
        var sse = 0.0;
        for (var t = 1; t < y.Length; t++)
        {
            var predicted = level + Phi * trend;
            var error = y[t] - predicted;
            sse += error * error;
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
