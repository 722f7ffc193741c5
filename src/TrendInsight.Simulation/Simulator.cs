using TrendInsight.Core;
using TrendInsight.Core.Pipeline;

namespace TrendInsight.Simulation;

/// <summary>
/// Writes realistic landing files for all five feeds (the landing contract of the design) with
/// planted trends, seasonality, a shopping festival, segment skews, supply lags, bad rows and
/// duplicates, plus <c>ground_truth.json</c> describing exactly what was planted.
/// </summary>
public sealed class Simulator
{
    private readonly TimeProvider _clock;

    /// <param name="clock">Gives the default end date (yesterday in Asia/Shanghai); never used for content.</param>
    public Simulator(TimeProvider clock)
    {
        _clock = clock;
    }

    /// <summary>Writes the files; streams day by day, so memory does not grow with the output.</summary>
    /// <exception cref="TrendInsightException">Invalid options, or the output folder cannot be written.</exception>
    public SimulationSummary Run(SimulationOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var end = options.End ?? BusinessCalendar.Yesterday(_clock);
        try
        {
            return new Generator(options, end).Run(progress, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TrendInsightException(
                $"simulate: cannot write to {Path.GetFullPath(options.OutputDirectory)}: {ex.Message}",
                isTransient: ex is IOException, inner: ex);
        }
    }
}
