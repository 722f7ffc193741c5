namespace TrendInsight.Text;

/// <summary>A string of the corpus that behaves like a word but is not in the dictionary.</summary>
/// <param name="Word">The candidate (normalised text).</param>
/// <param name="Length">Its length in characters, a Latin/digit run counting as one.</param>
/// <param name="Count">Occurrences in the corpus.</param>
/// <param name="Cohesion">Min PMI over its two-way splits (natural log); +∞ for a single Latin run, which has no split.</param>
/// <param name="LeftEntropy">Entropy of the characters just before it (a text boundary counts as a distinct neighbour each time).</param>
/// <param name="RightEntropy">Entropy of the characters just after it.</param>
public sealed record NewWordCandidate(string Word, int Length, int Count, double Cohesion, double LeftEntropy, double RightEntropy)
{
    /// <summary>Boundary freedom: the smaller of the two neighbour entropies.</summary>
    public double Freedom => Math.Min(LeftEntropy, RightEntropy);

    /// <summary>The ranking score: occurrences × boundary freedom.</summary>
    public double Score => Count * Freedom;
}
