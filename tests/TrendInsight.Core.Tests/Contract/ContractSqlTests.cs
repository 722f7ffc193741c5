using TrendInsight.Core.Contract;

namespace TrendInsight.Core.Tests.Contract;

public sealed class ContractSqlTests
{
    [Fact]
    public void EngagementUnitsExpression_Contract_PlaysPerHundredLikesSharesPurchases() =>
        Assert.Equal("plays / 100.0 + likes + 3.0 * shares + 10.0 * purchases", ContractSql.EngagementUnitsExpression(m => m));

    [Fact]
    public void EngagementUnits_Counts_SameAsTheFormula()
    {
        Assert.Equal((250 / 100.0) + 4 + (3.0 * 2) + (10.0 * 1), LandingContract.EngagementUnits(250, 4, 2, 1));
        Assert.Equal(0.0, LandingContract.EngagementUnits(0, 0, 0, 0));
    }

    [Fact]
    public void Script_Segments_EveryValueAndUnknownOnce()
    {
        var script = ContractSql.Script();

        foreach (var d in LandingContract.Segments)
        {
            foreach (var v in d.Values)
            {
                Assert.Contains($"('{d.Field}', '{v.Value}', '{v.Column}', ", script, StringComparison.Ordinal);
            }

            Assert.Contains($"('{d.Field}', 'unknown', '{d.UnknownColumn}', ", script, StringComparison.Ordinal);
        }

        Assert.Contains("('favorite', 'likes')", script, StringComparison.Ordinal);
        Assert.Contains("('click', NULL)", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_ContractValues_ReportNames()
    {
        Assert.Equal("新一线", LandingContract.Label("city_tier", "new1"));
        Assert.Equal("18-23岁", LandingContract.Label("age_band", "18-23"));
        Assert.Equal("女性", LandingContract.Label("gender", "f"));
        Assert.Equal("未知", LandingContract.Label("city_tier", "unknown"));
    }
}
