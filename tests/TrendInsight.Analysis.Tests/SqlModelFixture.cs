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
        Conn.Execute(Models.Model("000_tables"));
        var c = Config;
        Conn.ExecuteNonQuery(Models.LoadStatement("params"),
            AsOf, c.RecentDays, c.BaselineDays, c.PriorStrength, c.MinSupport, c.MinActiveDays, c.BreakoutFloor, c.MinZ,
            c.RiseSlope, c.Weights.Search, c.Weights.Content, c.Weights.Comment, c.Weights.Engagement,
            c.TopicCandidates, c.TopicMinSimilarity, c.MinCoDocs, c.TopTopics, c.SegmentLeadRatio, c.GapRatio,
            c.ListingPrior, c.EvidencePerTopic, string.Join(',', c.Focus), c.IdfFloor);
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
