using System.Globalization;
using System.Text.Json;
using TrendInsight.Core;

namespace TrendInsight.Simulation.Tests;

/// <summary>The planted shapes are visible in raw counts read back from the files.</summary>
public sealed class TrendShapeTests(SimulationFixture fixture) : IClassFixture<SimulationFixture>
{
    private const int Days = 120;

    [Theory]
    [InlineData("citywalk")]
    [InlineData("new-chinese")]
    [InlineData("maillard")]
    public void SearchRows_RisingTopic_StillGrowingAtTheEnd(string id)
    {
        var daily = DailyRowsMentioning(Feeds.Search, Terms(id));

        var lastWeek = Week(daily, Days - 7);
        var twoWeeksBefore = Week(daily, Days - 21);
        Assert.Equal("rising", Topic(id).GetProperty("stage_at_end").GetString());
        Assert.True(lastWeek > twoWeeksBefore * 1.3, $"{id}: last week {lastWeek:F1}/day vs {twoWeeksBefore:F1}/day two weeks before");
        Assert.True(lastWeek >= MaxWeek(daily) * 0.95, $"{id}: the highest week should be the last");
    }

    [Theory]
    [InlineData("dopamine")]
    [InlineData("relaxed")]
    public void SearchRows_DecliningTopic_RoseThenFell(string id)
    {
        var daily = DailyRowsMentioning(Feeds.Search, Terms(id));
        var start = IndexOf(Topic(id).GetProperty("start").GetString()!);
        var peak = IndexOf(Topic(id).GetProperty("peak").GetString()!);

        var atPeak = Week(daily, Math.Max(0, peak - 3));
        Assert.True(atPeak > Week(daily, Days - 7) * 2, $"{id}: {atPeak:F1}/day at the peak, {Week(daily, Days - 7):F1}/day now");
        if (start >= 7)
        {
            Assert.True(atPeak > Week(daily, start - 7) * 4, $"{id}: {atPeak:F1}/day at the peak vs before the start");
        }
    }

    [Theory]
    [InlineData("camping")]
    [InlineData("gorpcore")]
    public void SearchRows_PeakingTopic_HighestNearTheEnd(string id)
    {
        var daily = DailyRowsMentioning(Feeds.Search, Terms(id));

        var recent = Week(daily, Days - 10);
        Assert.True(recent >= MaxWeek(daily) * 0.85, $"{id}: {recent:F1}/day near the end vs {MaxWeek(daily):F1} max");
        Assert.True(recent > Week(daily, Days - 40) * 1.5, $"{id}: should have risen over the last month");
    }

    [Theory]
    [InlineData("连衣裙")]
    [InlineData("口红")]
    public void SearchRows_EvergreenTerm_StaysFlatAndLarge(string term)
    {
        var daily = DailyRowsMentioning(Feeds.Search, [term]);

        // Away from the 双11 weeks (11 November is day 69 of the window).
        var early = Week(daily, 7);
        var late = Week(daily, 80);
        Assert.InRange(late / early, 0.8, 1.25);
        Assert.True(early > 15, $"{term}: {early:F1}/day");
    }

    [Fact]
    public void SearchRows_Spike_OnlyOnItsDay()
    {
        var spike = fixture.GroundTruth.RootElement.GetProperty("spikes")[0];
        var day = IndexOf(spike.GetProperty("date").GetString()!);
        var daily = DailyRowsMentioning(Feeds.Search, [spike.GetProperty("term").GetString()!]);

        var others = daily.Where((_, i) => i != day).Max();
        Assert.True(daily[day] > 20 * Math.Max(1, others), $"{daily[day]} on the day, at most {others} on any other");
    }

    [Fact]
    public void SearchRows_Weekends_BusierThanMidweek()
    {
        var daily = DailyRowsMentioning(Feeds.Search, [string.Empty]);
        var start = SimulationFixture.EndDate.AddDays(1 - Days);
        double weekend = 0, midweek = 0;
        int nWeekend = 0, nMidweek = 0;
        for (var i = 0; i < 90; i++)
        {
            var dow = start.AddDays(i).DayOfWeek;
            if (dow is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                weekend += daily[i];
                nWeekend++;
            }
            else if (dow is DayOfWeek.Tuesday or DayOfWeek.Wednesday)
            {
                midweek += daily[i];
                nMidweek++;
            }
        }

        Assert.True(weekend / nWeekend > midweek / nMidweek * 1.1);
    }

    [Fact]
    public void EngagementRows_FestivalDay_BurstAcrossTheBoard()
    {
        var day = IndexOf(fixture.GroundTruth.RootElement.GetProperty("event").GetProperty("date").GetString()!);
        var daily = DailyRowsMentioning(Feeds.Engagement, [string.Empty]);

        Assert.True(daily[day] > 2 * daily[day - 14], $"{daily[day]} on the festival vs {daily[day - 14]} two weeks before");
    }

    [Fact]
    public void Segments_SkewedTopic_LedByYoungWomenInTierOneCities()
    {
        var skewed = SegmentShare(Terms("citywalk"));
        var other = SegmentShare(Terms("camping"));

        Assert.True(skewed > 0.5, $"citywalk: {skewed:P0} of rows from 18-23 women in tier-1 cities");
        Assert.True(other < 0.1, $"camping: {other:P0}");
    }

    [Fact]
    public void Products_LaggingTopic_ListingsTrailDemand()
    {
        double Ratio(string id)
        {
            var search = DailyRowsMentioning(Feeds.Search, Terms(id)).Skip(Days - 28).Sum();
            var listings = Topic(id).GetProperty("daily_new_listings").EnumerateArray().Skip(Days - 28).Sum(e => e.GetInt32());
            return listings / (double)search;
        }

        var lagging = Ratio("new-chinese");
        var keepsUp = Ratio("camping");
        Assert.Equal("lagging", Topic("new-chinese").GetProperty("supply").GetString());
        Assert.True(lagging < keepsUp * 0.75, $"listings per search row: lagging {lagging:F4}, keeping up {keepsUp:F4}");
    }

    [Fact]
    public void GroundTruth_DailySearchRows_MatchPlantedShape()
    {
        var planted = Topic("citywalk").GetProperty("daily_search_rows").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var start = IndexOf(Topic("citywalk").GetProperty("start").GetString()!);

        Assert.Equal(Days, planted.Length);
        Assert.All(planted.Take(start), n => Assert.Equal(0, n));
        Assert.True(planted[^1] > planted[start + 7]);
    }

    [Fact]
    public void SearchRows_SeasonalLookAlikes_RiseTogetherButAreNeverNamedTogether()
    {
        var lookalikes = fixture.GroundTruth.RootElement.GetProperty("seasonal_lookalikes").EnumerateArray().ToList();
        Assert.Equal(2, lookalikes.Count);
        Assert.Equal(lookalikes[0].GetProperty("peak").GetString(), lookalikes[1].GetProperty("peak").GetString());
        var a = lookalikes[0].GetProperty("terms").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var b = lookalikes[1].GetProperty("terms").EnumerateArray().Select(e => e.GetString()!).ToArray();

        var both = 0;
        var either = 0;
        foreach (var file in LandingReader.FeedFiles(fixture.Root, Feeds.Search).Skip(Days - 30))
        {
            foreach (var query in LandingReader.Rows(file).Select(r => r["query"]).OfType<string>())
            {
                var hasA = a.Any(t => query.Contains(t, StringComparison.Ordinal));
                var hasB = b.Any(t => query.Contains(t, StringComparison.Ordinal));
                either += hasA || hasB ? 1 : 0;
                both += hasA && hasB ? 1 : 0;
            }
        }

        Assert.True(either > 100, $"{either} queries");
        Assert.Equal(0, both);
    }

    [Fact]
    public void SearchRows_TopicTerms_SometimesNamedTogether()
    {
        // 焦糖色 and 灯芯绒 (or 美拉德 with a side word) in one query, as people type them
        var terms = Terms("maillard");
        var together = 0;
        foreach (var file in LandingReader.FeedFiles(fixture.Root, Feeds.Search).Skip(Days - 14))
        {
            together += LandingReader.Rows(file).Select(r => r["query"]).OfType<string>()
                .Count(q => terms.Count(t => q.Contains(t, StringComparison.Ordinal)) >= 2 && !q.Contains("美拉德穿搭", StringComparison.Ordinal));
        }

        Assert.True(together > 20, $"{together} queries name two maillard terms");
    }

    private JsonElement Topic(string id) =>
        fixture.GroundTruth.RootElement.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);

    private string[] Terms(string id) =>
        Topic(id).GetProperty("terms").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static int IndexOf(string date) =>
        DateOnly.Parse(date, CultureInfo.InvariantCulture).DayNumber - SimulationFixture.EndDate.AddDays(1 - Days).DayNumber;

    private int[] DailyRowsMentioning(string feed, string[] terms)
    {
        var column = feed == Feeds.Search ? "query" : null;
        var start = SimulationFixture.EndDate.AddDays(1 - Days);
        var daily = new int[Days];
        foreach (var file in LandingReader.FeedFiles(fixture.Root, feed))
        {
            var day = DateOnly.ParseExact(Path.GetFileName(file)[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - start.DayNumber;
            foreach (var row in LandingReader.Rows(file))
            {
                var text = column is null ? string.Empty : row[column];
                if (text is not null && terms.Any(t => text.Contains(t, StringComparison.Ordinal)))
                {
                    daily[day]++;
                }
            }
        }

        return daily;
    }

    private double SegmentShare(string[] terms)
    {
        long all = 0, segment = 0;
        foreach (var file in LandingReader.FeedFiles(fixture.Root, Feeds.Search).Skip(Days - 30))
        {
            foreach (var row in LandingReader.Rows(file))
            {
                var query = row["query"];
                if (query is null || !terms.Any(t => query.Contains(t, StringComparison.Ordinal)))
                {
                    continue;
                }

                all++;
                if (row["age_band"] == "18-23" && row["gender"] == "f" && row["city_tier"] == "1")
                {
                    segment++;
                }
            }
        }

        return segment / (double)all;
    }

    private static double Week(int[] daily, int from) => daily.Skip(from).Take(7).Average();

    /// <summary>The busiest 7-day window that does not touch the 双11 weeks (a burst across the board).</summary>
    private double MaxWeek(int[] daily)
    {
        var festival = IndexOf(fixture.GroundTruth.RootElement.GetProperty("event").GetProperty("date").GetString()!);
        return Enumerable.Range(0, daily.Length - 6)
            .Where(i => i + 6 < festival - 7 || i > festival + 2)
            .Max(i => Week(daily, i));
    }
}
