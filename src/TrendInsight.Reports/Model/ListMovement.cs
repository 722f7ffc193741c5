namespace TrendInsight.Reports.Model;

/// <summary>
/// A topic's movement against the previous report (the analysis seven days earlier), from the
/// <c>topic_movement</c> mart, keyed by <c>topic_id</c>.
/// </summary>
/// <param name="PreviousRank">Rank in the previous report's analysis; null when it was not ranked.</param>
/// <param name="RankChange">Places gained (positive) or lost; null when it was not on the previous list or there was none.</param>
/// <param name="IsNew">True when it was not on the previous list; null when there was no previous analysis.</param>
/// <param name="WeeksOnList">Consecutive weekly reports on the list, this one included.</param>
public sealed record ListMovement(int? PreviousRank, int? RankChange, bool? IsNew, int? WeeksOnList);
