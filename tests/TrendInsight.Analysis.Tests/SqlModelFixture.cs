using DuckDB.NET.Data;
using TrendInsight.Core.Config;
using TrendInsight.DuckDb;

namespace TrendInsight.Analysis.Tests;

/// <summary>An in-memory DuckDB with the working tables and the parameters of one analysis date.</summary>
internal sealed class SqlModelFixture : IDisposable
{
    public static readonly DateOnly AsOf = new(2026, 10, 24);

    public SqlModelFixture(AnalysisConfig? config = null)
    {
        Config = config ?? new AnalysisConfig();
        Models = SqlModels.Load();
        Db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 });
        Conn = Db.Connect();
        Conn.Execute(Models.Tables());
        var c = Config;
        Conn.ExecuteNonQuery(Models.LoadStatement("params"),
            ("as_of", AsOf), ("recent_days", c.RecentDays), ("baseline_days", c.BaselineDays), ("prior_strength", c.PriorStrength),
            ("min_support", c.MinSupport), ("min_active_days", c.MinActiveDays), ("breakout_floor", c.BreakoutFloor), ("min_z", c.MinZ),
            ("rise_slope", c.RiseSlope), ("w_search", c.Weights.Search), ("w_content", c.Weights.Content),
            ("w_comment", c.Weights.Comment), ("w_engagement", c.Weights.Engagement), ("topic_candidates", c.TopicCandidates),
            ("topic_min_similarity", c.TopicMinSimilarity), ("min_co_docs", c.MinCoDocs), ("top_topics", c.TopTopics),
            ("segment_lead_ratio", c.SegmentLeadRatio), ("gap_ratio", c.GapRatio), ("listing_prior", c.ListingPrior),
            ("evidence_per_topic", c.EvidencePerTopic), ("focus", string.Join(',', c.Focus)), ("idf_floor", c.IdfFloor), ("top_list", 10));
    }

    public AnalysisConfig Config { get; }
    public SqlModels Models { get; }
    public DuckDbDatabase Db { get; }
    public DuckDBConnection Conn { get; }

    public void Run(string model) => Conn.Execute(Models.Model(model));

    public void Dispose()
    {
        Conn.Dispose();
        Db.Dispose();
    }
}
