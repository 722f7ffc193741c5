namespace TrendInsight.Core.Contract;

/// <summary>One allowed engagement action and the engagement measure its counts add to.</summary>
/// <param name="Value">The action as the lake holds it.</param>
/// <param name="Measure">The measure (<c>plays</c>, <c>likes</c>, <c>shares</c>, <c>purchases</c>) it counts toward, or null when it weighs nothing.</param>
/// <param name="Spellings">Real-world spellings read as this action.</param>
public sealed record ActionValue(string Value, string? Measure, IReadOnlyList<string> Spellings);
