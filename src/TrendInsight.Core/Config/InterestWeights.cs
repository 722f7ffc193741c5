namespace TrendInsight.Core.Config;

/// <summary><c>analysis.weights</c>: the weight of each part of the interest index.</summary>
public sealed class InterestWeights
{
    /// <summary>Per search (query count).</summary>
    public double Search { get; set; } = 1;

    /// <summary>Per piece of content mentioning the term.</summary>
    public double Content { get; set; } = 20;

    /// <summary>Per comment mentioning the term.</summary>
    public double Comment { get; set; } = 3;

    /// <summary>Per engagement unit (<see cref="Contract.LandingContract.EngagementMeasures"/>).</summary>
    public double Engagement { get; set; } = 0.2;

    internal void Validate(List<string> errors)
    {
        if (Search < 0 || Content < 0 || Comment < 0 || Engagement < 0)
        {
            errors.Add("analysis.weights.* must be ≥ 0");
        }

        if (Search + Content + Comment + Engagement <= 0)
        {
            errors.Add("analysis.weights: at least one weight must be positive");
        }
    }
}
