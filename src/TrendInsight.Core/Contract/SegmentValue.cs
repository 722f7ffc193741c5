namespace TrendInsight.Core.Contract;

/// <summary>One allowed value of a segment dimension.</summary>
/// <param name="Value">The value as the lake and the SQL models hold it.</param>
/// <param name="Column">Its activity column in the <c>doc_sets</c> rollup.</param>
/// <param name="Label">How the report names it.</param>
/// <param name="Spellings">Real-world spellings read as this value (matched trimmed, spaces dropped, any ASCII case); the value itself always is.</param>
/// <param name="From">For an age band: the first age it holds.</param>
/// <param name="To">For an age band: the last age it holds.</param>
public sealed record SegmentValue(string Value, string Column, string Label, IReadOnlyList<string> Spellings, int From = 0, int To = 0);
