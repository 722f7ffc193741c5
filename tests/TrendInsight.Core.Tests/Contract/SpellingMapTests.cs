using TrendInsight.Core.Contract;

namespace TrendInsight.Core.Tests.Contract;

public sealed class SpellingMapTests
{
    private readonly SpellingMap _map = new();

    [Theory]
    [InlineData("city_tier", "一线", "1")]
    [InlineData("city_tier", "新一线", "new1")]
    [InlineData("city_tier", "新一线城市", "new1")]
    [InlineData("city_tier", "二线", "2")]
    [InlineData("city_tier", "三线城市", "3")]
    [InlineData("city_tier", "4线", "4")]
    [InlineData("city_tier", "五线及以下", "5")]
    [InlineData("city_tier", "Tier 1", "1")]
    [InlineData("city_tier", "ＴＩＥＲ２", "2")]
    [InlineData("gender", "男", "m")]
    [InlineData("gender", "女", "f")]
    [InlineData("gender", "Female", "f")]
    [InlineData("gender", " male ", "m")]
    [InlineData("age_band", "18-23岁", "18-23")]
    [InlineData("age_band", "18-24", "18-23")]
    [InlineData("age_band", "25-30", "24-30")]
    [InlineData("age_band", "25~30岁", "24-30")]
    [InlineData("age_band", "18岁以下", "<18")]
    [InlineData("age_band", "60岁以上", "50+")]
    [InlineData("age_band", "50+", "50+")]
    [InlineData("action", "点赞", "like")]
    [InlineData("action", "收藏", "favorite")]
    [InlineData("action", "购买", "purchase")]
    public void Lookup_RealWorldSpelling_ContractValue(string field, string spelling, string expected) =>
        Assert.Equal(expected, _map.Lookup(field, spelling));

    [Theory]
    [InlineData("city_tier", "海外")]
    [InlineData("city_tier", "0")]
    [InlineData("age_band", "35-55")]
    [InlineData("action", "打赏")]
    public void Lookup_OutsideTheContract_Null(string field, string spelling) => Assert.Null(_map.Lookup(field, spelling));

    [Theory]
    [InlineData("gender", "未知")]
    [InlineData("city_tier", "Unknown")]
    [InlineData("age_band", "N/A")]
    public void Lookup_SaysItDoesNotKnow_Unknown(string field, string spelling) => Assert.Equal("unknown", _map.Lookup(field, spelling));

    [Fact]
    public void Lookup_AgeCutsKeptOutside_NoNearestBand()
    {
        var map = new SpellingMap(null, nearestAgeBand: false);

        Assert.Null(map.Lookup("age_band", "25-30"));
        Assert.Equal("18-23", map.Lookup("age_band", "18-23岁"));
    }

    [Fact]
    public void Lookup_Override_WinsOverTheContract()
    {
        var map = new SpellingMap(new Dictionary<string, Dictionary<string, string>>
        {
            ["city_tier"] = new() { ["省会城市"] = "new1", ["一线"] = "new1" },
        });

        Assert.Equal("new1", map.Lookup("city_tier", "省会城市"));
        Assert.Equal("new1", map.Lookup("city_tier", "一线"));
        Assert.Equal("2", map.Lookup("city_tier", "二线"));
    }
}
