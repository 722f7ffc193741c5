namespace TrendInsight.Simulation;

/// <summary>What <c>trendinsight simulate</c> writes: how many days, ending when, from which seed, how much.</summary>
public sealed class SimulationOptions
{
    /// <summary>Landing folder; files go to <c>&lt;OutputDirectory&gt;/&lt;feed&gt;/</c>, the ground truth beside them.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Number of business days, ending with <see cref="End"/>.</summary>
    public int Days { get; init; } = 120;

    /// <summary>Last business day (Asia/Shanghai); null = yesterday on the clock.</summary>
    public DateOnly? End { get; init; }

    /// <summary>Seed of the generator: the same seed gives byte-identical files.</summary>
    public ulong Seed { get; init; } = 20261122;

    /// <summary>Volume multiplier: 1 gives a few million rows for 120 days, 0.01 suits tests.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Share of rows planted as bad (quarantine material), besides one of every reason on the first day.</summary>
    public double BadRowShare { get; init; } = 0.002;

    /// <summary>Share of event rows repeated within the same file, and again the share repeated in the next day's file.</summary>
    public double DuplicateShare { get; init; } = 0.001;

    internal void Validate()
    {
        if (Days < 1 || Days > 3660)
        {
            throw new Core.TrendInsightException($"simulate: --days must be between 1 and 3660 (got {Days}).");
        }

        if (!(Scale > 0) || Scale > 100)
        {
            throw new Core.TrendInsightException(
                $"simulate: --scale must be greater than 0 and at most 100 (got {Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        if (BadRowShare is < 0 or > 0.5 || DuplicateShare is < 0 or > 0.5)
        {
            throw new Core.TrendInsightException("simulate: bad-row and duplicate shares must be between 0 and 0.5.");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new Core.TrendInsightException("simulate: --out is required.");
        }
    }
}
