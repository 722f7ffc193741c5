using TrendInsight.Core.Config;

namespace TrendInsight.Text;

/// <summary>Thresholds of <see cref="NewWordDiscovery"/>; the defaults are those of <see cref="TextConfig"/>.</summary>
public sealed record NewWordOptions
{
    /// <summary>Minimum occurrences in the corpus.</summary>
    public int MinCount { get; init; } = 5;

    /// <summary>Shortest candidate in characters (a Latin/digit run counts as one).</summary>
    public int MinLength { get; init; } = 2;

    /// <summary>Longest candidate in characters (a Latin/digit run counts as one).</summary>
    public int MaxLength { get; init; } = 6;

    /// <summary>Cohesion floor: min PMI (natural log) over the two-way splits.</summary>
    public double MinPmi { get; init; } = 2.0;

    /// <summary>Boundary-freedom floor: min of left and right neighbour entropy (natural log).</summary>
    public double MinEntropy { get; init; } = 1.0;

    /// <summary>How many candidates to return at most.</summary>
    public int Top { get; init; } = 50;

    /// <summary>The thresholds of the <c>text:</c> configuration section.</summary>
    public static NewWordOptions FromConfig(TextConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new NewWordOptions
        {
            MinCount = config.NewWordMinCount,
            MinLength = config.NewWordMinLength,
            MaxLength = config.NewWordMaxLength,
            MinPmi = config.NewWordMinPmi,
            MinEntropy = config.NewWordMinEntropy,
            Top = config.NewWordTop,
        };
    }
}
