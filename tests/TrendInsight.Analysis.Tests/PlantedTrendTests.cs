namespace TrendInsight.Analysis.Tests;

/// <summary>The planted shapes of <see cref="FixtureLake"/>, analysed a week before the 露营 peak.</summary>
[Collection(AnalyzedLakeCollection.Name)]
public sealed class PlantedTrendTests
{
    private readonly AnalyzedLakeFixture _f;

    public PlantedTrendTests(AnalyzedLakeFixture fixture)
    {
        _f = fixture;
    }

    private (int Rank, string Name, string Stage, string[] Members)? TopicWith(string term) =>
        _f.Conn.Query(
            $"SELECT rank, name, stage, members FROM {_f.Mart("topics")} WHERE list_contains(members, $p1) AND rank IS NOT NULL ORDER BY rank LIMIT 1",
            r => ((int Rank, string Name, string Stage, string[] Members)?)(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetStringList(3).Select(s => s!).ToArray()),
            ("p1", term)).FirstOrDefault();

    [Fact]
    public void Analyze_RisingCampingTopic_RanksInTopThreeAWeekBeforePeakAsRising()
    {
        var topic = TopicWith("露营");
        Assert.NotNull(topic);
        Assert.InRange(topic.Value.Rank, 1, 3);
        Assert.Contains(topic.Value.Stage, new[] { "rising", "emerging" });
        Assert.Contains("帐篷", topic.Value.Members);
        Assert.Contains("天幕", topic.Value.Members);
        Assert.True(FixtureLake.CampingPeak - (AnalyzedLakeFixture.AsOf.DayNumber - FixtureLake.Start.DayNumber) >= 7);
    }

    [Fact]
    public void Analyze_RisingHanfuTopic_RanksInTopThreeAsRising()
    {
        var topic = TopicWith("马面裙");
        Assert.NotNull(topic);
        Assert.InRange(topic.Value.Rank, 1, 3);
        Assert.Contains(topic.Value.Stage, new[] { "rising", "emerging" });
        Assert.NotEqual(TopicWith("露营")!.Value.Name, topic.Value.Name);
    }

    [Fact]
    public void Analyze_FlatButLargeTerms_AreScoredButNotRanked()
    {
        // the terms the flat queries are counted as, cut by the same segmenter
        var flat = new HashSet<string>(StringComparer.Ordinal);
        _f.Extractor.Extract("连衣裙", searchMode: true, flat);
        _f.Extractor.Extract("手机壳", searchMode: true, flat);
        Assert.Contains("连衣裙", flat);
        var list = string.Join(",", flat.Select(t => $"'{t}'"));
        var rows = _f.Conn.Query(
            $"SELECT term, rank, stage, recent_search FROM {_f.Mart("trends")} WHERE term IN ({list})",
            r => (Term: r.GetString(0), Rank: r.IsNull(1) ? (int?)null : r.GetInt32(1), Stage: r.GetString(2), Search: r.GetInt64(3)));
        Assert.Equal(flat.Count, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Rank));
        Assert.All(rows, r => Assert.True(r.Search > 5000, $"{r.Term} recent search {r.Search}"));
        Assert.All(rows, r => Assert.Equal("stable", r.Stage));
    }

    [Fact]
    public void Analyze_FlatNoise_RarelyRanksAndNeverNearTheTop()
    {
        var filler = string.Join(",", FixtureLake.Filler.Select(f => $"'{f}'"));
        var ranks = _f.Conn.Query(
            $"SELECT rank FROM {_f.Mart("trends")} WHERE term IN ({filler}) AND rank IS NOT NULL",
            r => r.GetInt32(0));
        // 40 flat Poisson terms: at z ≥ 3 a chance rank is rare; allow 1 in 20, never in the top 10
        Assert.True(ranks.Count <= FixtureLake.Filler.Length / 20, $"{ranks.Count} noise terms ranked");
        Assert.All(ranks, r => Assert.True(r > 10, $"noise term at rank {r}"));
    }

    [Fact]
    public void Analyze_FrisbeePastItsPeak_IsDecliningAndUnranked()
    {
        var row = _f.Conn.Query(
            $"SELECT rank, stage FROM {_f.Mart("trends")} WHERE term = '飞盘'",
            r => (Rank: r.IsNull(0) ? (int?)null : r.GetInt32(0), Stage: r.GetString(1))).Single();
        Assert.Null(row.Rank);
        Assert.Equal("declining", row.Stage);
    }

    [Fact]
    public void Analyze_FrisbeePastItsPeak_IsAFallingTopicApartFromTheRisingOnes()
    {
        var topics = _f.Conn.Query(
            $"SELECT rank, stage, growth_shrunk, members FROM {_f.Mart("topics")} WHERE list_contains(members, '飞盘')",
            r => (Rank: r.IsNull(0) ? (int?)null : r.GetInt32(0), Stage: r.GetString(1), Growth: r.GetDouble(2), Members: r.GetStringList(3)));
        var topic = Assert.Single(topics);
        Assert.Null(topic.Rank);
        Assert.Equal("declining", topic.Stage);
        Assert.True(topic.Growth < 1, $"growth {topic.Growth}");
        // no rising term is clustered with it
        var rising = _f.Conn.Query($"SELECT term FROM {_f.Mart("trends")} WHERE rank IS NOT NULL", r => r.GetString(0)).ToHashSet();
        Assert.DoesNotContain(topic.Members, m => rising.Contains(m!));
    }

    [Fact]
    public void Analyze_SupplyGap_FlagsCampingWithFlatListingsButNotHanfu()
    {
        var camping = TopicWith("露营")!.Value.Name;
        var hanfu = TopicWith("马面裙")!.Value.Name;
        var gaps = _f.Conn.Query(
            $"SELECT name, gap, opportunity_score, listings_recent FROM {_f.Mart("supply_gap")}",
            r => (Name: r.GetString(0), Gap: r.GetBoolean(1), Score: r.GetDouble(2), Listings: r.GetInt64(3)))
            .ToDictionary(g => g.Name);
        Assert.True(gaps[camping].Gap);
        Assert.False(gaps[hanfu].Gap);
        Assert.True(gaps[camping].Score > gaps[hanfu].Score);
        Assert.True(gaps[hanfu].Listings > gaps[camping].Listings);
    }

    [Fact]
    public void Analyze_Segments_HanfuSkewsToYoungWomen()
    {
        var hanfu = "t-" + TopicWith("马面裙")!.Value.Name;
        var tgi = _f.Conn.Query(
            $"SELECT dimension || ':' || value, tgi FROM {_f.Mart("topic_segments")} WHERE topic_id = $p1",
            r => (Key: r.GetString(0), Tgi: r.GetDouble(1)), ("p1", hanfu)).ToDictionary(x => x.Key, x => x.Tgi);
        Assert.True(tgi["age_band:18-23"] > 150, $"18-23 TGI {tgi["age_band:18-23"]}");
        Assert.True(tgi["age_band:41-50"] < 100, $"41-50 TGI {tgi["age_band:41-50"]}");
        Assert.True(tgi["gender:f"] > 120, $"f TGI {tgi["gender:f"]}");
    }

    [Fact]
    public void Analyze_Attributes_CampingCarriesRetroCorduroy()
    {
        var camping = "t-" + TopicWith("露营")!.Value.Name;
        var attrs = _f.Conn.Query(
            $"SELECT attribute_type, term, lift FROM {_f.Mart("topic_attributes")} WHERE topic_id = $p1",
            r => (Type: r.GetString(0), Term: r.GetString(1), Lift: r.GetDouble(2)), ("p1", camping));
        Assert.Contains(attrs, a => a is { Type: "style", Term: "复古" } && a.Lift > 1);
        Assert.Contains(attrs, a => a is { Type: "material", Term: "灯芯绒" } && a.Lift > 1);
        Assert.DoesNotContain(attrs, a => a.Term == "连衣裙");
    }

    [Fact]
    public void Analyze_Evidence_KeepsOriginalCommentTextMostLikedFirst()
    {
        var camping = "t-" + TopicWith("露营")!.Value.Name;
        var comments = _f.Conn.Query(
            $"SELECT text, likes, rank FROM {_f.Mart("evidence")} WHERE topic_id = $p1 AND kind = 'comment' ORDER BY rank",
            r => (Text: r.GetString(0), Likes: r.GetInt64(1)), ("p1", camping));
        Assert.Equal(_f.Config.Analysis.EvidencePerTopic, comments.Count);
        Assert.True(comments.Zip(comments.Skip(1)).All(p => p.First.Likes >= p.Second.Likes));
        var content = _f.Conn.Scalar<long>(
            $"SELECT count(*) FROM {_f.Mart("evidence")} WHERE topic_id = $p1 AND kind = 'content' AND text IS NOT NULL", ("p1", camping));
        Assert.True(content > 0);
    }

    [Fact]
    public void Analyze_Forecast_GivesAnIntervalAndABacktestForTheTopTopic()
    {
        var rows = _f.Conn.Query(
            $"SELECT f.horizon, f.yhat, f.lo, f.hi, f.backtest_mape FROM {_f.Mart("forecast")} f JOIN {_f.Mart("topics")} t USING (topic_id) WHERE t.rank = 1 ORDER BY f.horizon",
            r => (H: r.GetInt32(0), Y: r.GetDouble(1), Lo: r.GetDouble(2), Hi: r.GetDouble(3), Mape: r.IsNull(4) ? (double?)null : r.GetDouble(4)));
        Assert.Equal(_f.Config.Analysis.HorizonDays, rows.Count);
        Assert.All(rows, r => Assert.True(r.Lo <= r.Y && r.Y <= r.Hi));
        Assert.All(rows, r => Assert.NotNull(r.Mape));
        Assert.True(rows[^1].Hi - rows[^1].Lo >= rows[0].Hi - rows[0].Lo);
    }

    [Fact]
    public void Analyze_TermDaily_KeepsAbsoluteCountsBesideTheIndex()
    {
        var row = _f.Conn.Query(
            $"SELECT search_volume, content_mentions, comment_mentions, interest_index, search_part + content_part + comment_part + engagement_part FROM read_parquet('{Path.Combine(_f.Layout.Marts, "term_daily")}/*/*.parquet', hive_partitioning = true) WHERE term = '连衣裙' AND dt = $p1",
            r => (Search: r.GetInt64(0), Content: r.GetInt64(1), Comments: r.GetInt64(2), Index: r.GetDouble(3), Parts: r.GetDouble(4)),
            ("p1", AnalyzedLakeFixture.AsOf)).Single();
        Assert.True(row.Search > 2000);
        Assert.True(row.Content > 10);
        Assert.True(row.Comments > 100);
        Assert.Equal(row.Parts, row.Index, 6);
    }

    [Fact]
    public void Analyze_TraditionalQueries_CountAsSimplifiedTerms()
    {
        var traditional = _f.Conn.Scalar<long>(
            $"SELECT count(*) FROM read_parquet('{_f.Layout.Terms}/*/*.parquet') WHERE term IN ('馬面裙', '露營', '國風')");
        Assert.Equal(0, traditional);
    }

    [Fact]
    public void Analyze_RerunWithUnchangedRawInput_RebuildsNothingAndGivesTheSameTopics()
    {
        Assert.Equal(35, _f.FirstBuiltDays.Count);
        Assert.Empty(_f.RerunBuiltDays);
        Assert.Equal(_f.Summary.TermsScored, _f.Rerun.TermsScored);
        Assert.Equal(_f.Summary.Topics, _f.Rerun.Topics);
        var files = Directory.GetFiles(Path.Combine(_f.Layout.Marts, "topics"), "*.parquet", SearchOption.AllDirectories);
        Assert.Single(files);
    }

    [Fact]
    public void Analyze_DataFolder_KeepsLoadedDictionaryThatTheNextLoadReads()
    {
        var vocabulary = Path.Combine(_f.Layout.State, "vocabulary");
        Assert.Single(Directory.GetFiles(vocabulary, "segmenter-*.bin"));

        var lexicon = Path.Combine(AppContext.BaseDirectory, "TestData", "lexicon");
        var extractor = TextResources.LoadExtractor(_f.Config.Text, lexicon, vocabulary);

        Assert.True(extractor.Segmenter!.LoadedFromCache);
        Assert.Equal(_f.Extractor.Segmenter!.Total, extractor.Segmenter.Total);
        Assert.Equal(_f.Extractor.Segmenter.Cut("周末去露营，天幕和折叠椅都带上了"), extractor.Segmenter.Cut("周末去露营，天幕和折叠椅都带上了"));
    }

    [Fact]
    public void Analyze_OneRawPartitionChanged_ResegmentsOnlyThatDay()
    {
        Assert.Equal([AnalyzedLakeFixture.TouchedDay], _f.TouchedBuiltDays);
    }
}
