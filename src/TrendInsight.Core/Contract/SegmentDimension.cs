namespace TrendInsight.Core.Contract;

/// <summary>A segment dimension (age band, gender, city tier): its field, allowed values in natural order and how the report names it.</summary>
/// <param name="Field">The landing field and lake column.</param>
/// <param name="Label">How the report names the dimension.</param>
/// <param name="Values">The allowed values, in the order the report shows them.</param>
/// <param name="UnknownColumn">The <c>doc_sets</c> column of activity whose value is missing or outside the contract.</param>
public sealed record SegmentDimension(string Field, string Label, IReadOnlyList<SegmentValue> Values, string UnknownColumn)
{
    /// <summary>The value called <paramref name="value"/>, or null.</summary>
    public SegmentValue? Find(string value) => Values.FirstOrDefault(v => string.Equals(v.Value, value, StringComparison.Ordinal));
}
