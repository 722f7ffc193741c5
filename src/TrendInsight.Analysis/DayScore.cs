namespace TrendInsight.Analysis;

/// <summary>How the listed topics of one analysis date compare with the known trends.</summary>
/// <param name="Day">The analysis date.</param>
/// <param name="Listed">Rows listed (rank ≤ N).</param>
/// <param name="ListedTrue">Listed rows that hold a known trend active that day.</param>
/// <param name="Targets">Planted trends active that day.</param>
/// <param name="TargetsFound">Of those, the ones a listed row holds.</param>
/// <param name="Fragmented">Known trends held by more than one listed row.</param>
/// <param name="Merged">Listed rows holding more than one known trend (name and trends).</param>
/// <param name="RankOf">The best rank of a row holding each planted trend (null: not ranked).</param>
/// <param name="TopicIdOf">The topic_id of that row.</param>
/// <param name="LeadsShown">Leading segments (<c>topic_segments.leads</c>) on listed rows.</param>
/// <param name="LeadsRight">Of those, the ones a held trend was planted with.</param>
/// <param name="PlantedLeads">Listed trends planted with a leading segment.</param>
/// <param name="PlantedLeadsShown">Of those, the ones whose planted segment is shown as leading.</param>
/// <param name="GapPairs">Pairs of listed trends, one with lagging supply and one keeping up.</param>
/// <param name="GapPairsOrdered">Of those, the pairs where the lagging one has the higher opportunity score.</param>
/// <param name="Rows">The listed rows: rank, name, members.</param>
/// <param name="Active">Ids of the planted trends active that day.</param>
public sealed record DayScore(
    DateOnly Day,
    int Listed,
    int ListedTrue,
    int Targets,
    int TargetsFound,
    IReadOnlyList<string> Fragmented,
    IReadOnlyList<string> Merged,
    IReadOnlyDictionary<string, int?> RankOf,
    IReadOnlyDictionary<string, string?> TopicIdOf,
    int LeadsShown,
    int LeadsRight,
    int PlantedLeads,
    int PlantedLeadsShown,
    int GapPairs,
    int GapPairsOrdered,
    IReadOnlyList<(int Rank, string Name, IReadOnlyList<string> Members)> Rows,
    IReadOnlySet<string> Active)
{
    /// <summary>Share of listed rows that hold a known trend.</summary>
    public double Precision => Listed == 0 ? 0 : (double)ListedTrue / Listed;

    /// <summary>Share of active planted trends that a listed row holds.</summary>
    public double Recall => Targets == 0 ? 1 : (double)TargetsFound / Targets;
}
