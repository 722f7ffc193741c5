namespace TrendInsight.Core.Contract;

/// <summary>
/// The landing contract, defined once: each feed's fields (type, required or optional), the allowed actions and
/// segment values with the real-world spellings read as them, and the weights of engagement. Validation, the lake
/// schema, the simulator, the SQL models (through <see cref="ContractSql"/>), the report's labels and
/// docs/landing-contract.md (<see cref="ContractDoc"/>) all read it.
/// </summary>
public static class LandingContract
{
    /// <summary>The value a segment field takes when it is missing or outside the contract.</summary>
    public const string Unknown = "unknown";

    /// <summary>How the report names <see cref="Unknown"/>.</summary>
    public const string UnknownLabel = "未知";

    /// <summary>Spellings a source uses to say it does not know a segment value: read as <see cref="Unknown"/>, not counted as outside the contract.</summary>
    public static IReadOnlyList<string> UnknownSpellings { get; } = ["unknown", "未知", "不详", "n/a", "null", "none", "-"];

    private static readonly ContractField[] Audience =
    [
        new("user_id", FieldType.Id, false, "the person behind the event (not used for counting)"),
        new("age_band", FieldType.Segment, false, "age band of the person"),
        new("gender", FieldType.Segment, false, "gender of the person"),
        new("city_tier", FieldType.Segment, false, "city tier of the person"),
        new("platform", FieldType.Label, false, "app or site the event came from"),
    ];

    /// <summary>The five feeds, in the order they are ingested.</summary>
    public static IReadOnlyList<FeedContract> Feeds { get; } =
    [
        new(Core.Feeds.Search, "event_id", false,
        [
            new("event_id", FieldType.Id, true, "unique id of the search event"),
            new("ts", FieldType.Timestamp, true, "when it was searched"),
            new("query", FieldType.Text, true, "the search query as typed"),
            new("count", FieldType.Count, false, "searches this row stands for (pre-aggregated volume)", Min: 1, Default: 1),
            .. Audience,
        ]),
        new(Core.Feeds.Comments, "event_id", false,
        [
            new("event_id", FieldType.Id, true, "unique id of the comment"),
            new("ts", FieldType.Timestamp, true, "when it was written"),
            new("content_id", FieldType.Id, true, "the content it comments on"),
            new("text", FieldType.Text, true, "the comment"),
            new("likes", FieldType.Count, false, "likes the comment has", Min: 0),
            .. Audience,
        ]),
        new(Core.Feeds.Engagement, "event_id", false,
        [
            new("event_id", FieldType.Id, true, "unique id of the engagement event"),
            new("ts", FieldType.Timestamp, true, "when it happened"),
            new("content_id", FieldType.Id, true, "the content engaged with"),
            new("action", FieldType.Action, true, "what was done"),
            new("count", FieldType.Count, false, "how many times (pre-aggregated)", Min: 0, Default: 1),
            new("gmv", FieldType.Amount, false, "order value in CNY, for purchases"),
            .. Audience,
        ]),
        new(Core.Feeds.Content, "content_id", true,
        [
            new("content_id", FieldType.Id, true, "unique id of the post or video; a later row is a newer version"),
            new("ts", FieldType.Timestamp, true, "when it was published (or this version taken)"),
            new("title", FieldType.Text, true, "title or caption"),
            new("tags", FieldType.Tags, false, "hashtags: a JSON array or \"#a #b\" text"),
            new("author_id", FieldType.Id, false, "the author"),
            new("category", FieldType.Label, false, "the platform's category"),
            new("platform", FieldType.Label, false, "app or site it was published on"),
        ]),
        new(Core.Feeds.Products, "product_id", true,
        [
            new("product_id", FieldType.Id, true, "unique id of the listing; a later row is a newer snapshot"),
            new("ts", FieldType.Timestamp, true, "when it was listed (or this snapshot taken)"),
            new("title", FieldType.Text, true, "listing title"),
            new("category", FieldType.Label, false, "the shop's category"),
            new("price", FieldType.Amount, false, "price in CNY"),
            new("sales", FieldType.Count, false, "units sold so far", Min: 0),
            new("shop_id", FieldType.Id, false, "the shop"),
        ]),
    ];

    /// <summary>The engagement actions, in the order the documentation lists them.</summary>
    public static IReadOnlyList<ActionValue> Actions { get; } =
    [
        new("play", "plays", ["播放", "观看", "view"]),
        new("like", "likes", ["点赞", "赞"]),
        new("comment", null, ["评论"]),
        new("share", "shares", ["分享", "转发"]),
        new("favorite", "likes", ["收藏", "favourite", "collect"]),
        new("click", null, ["点击"]),
        new("purchase", "purchases", ["购买", "下单", "buy"]),
    ];

    /// <summary>
    /// Engagement units of one piece of content: plays/100 + likes + 3·shares + 10·purchases (likes include
    /// favorites). In the interest index (times <c>analysis.weights.engagement</c>) and in segment activity.
    /// </summary>
    public static IReadOnlyList<EngagementMeasure> EngagementMeasures { get; } =
    [
        new("plays", PerUnit: 100, Weight: 1),
        new("likes", PerUnit: 1, Weight: 1),
        new("shares", PerUnit: 1, Weight: 3),
        new("purchases", PerUnit: 1, Weight: 10),
    ];

    /// <summary>The segment dimensions, in the order the report shows them.</summary>
    public static IReadOnlyList<SegmentDimension> Segments { get; } =
    [
        new("age_band", "年龄",
        [
            new("<18", "age_lt18", "18岁以下", ["18岁以下", "18以下", "未成年", "under18"], 0, 17),
            new("18-23", "age_18_23", "18-23岁", ["18-23岁"], 18, 23),
            new("24-30", "age_24_30", "24-30岁", ["24-30岁"], 24, 30),
            new("31-40", "age_31_40", "31-40岁", ["31-40岁"], 31, 40),
            new("41-50", "age_41_50", "41-50岁", ["41-50岁"], 41, 50),
            new("50+", "age_50_plus", "50岁以上", ["50岁以上", "50以上", "50岁+", ">50"], 51, 120),
        ], "age_unknown"),
        new("gender", "性别",
        [
            new("f", "gender_f", "女性", ["女", "女性", "female", "woman"]),
            new("m", "gender_m", "男性", ["男", "男性", "male", "man"]),
        ], "gender_unknown"),
        new("city_tier", "城市线级",
        [
            new("1", "tier_1", "一线", ["一线", "一线城市", "1线", "tier1", "t1"]),
            new("new1", "tier_new1", "新一线", ["新一线", "新一线城市", "新1线", "newtier1", "new_tier1", "tier1.5"]),
            new("2", "tier_2", "二线", ["二线", "二线城市", "2线", "tier2", "t2"]),
            new("3", "tier_3", "三线", ["三线", "三线城市", "3线", "tier3", "t3"]),
            new("4", "tier_4", "四线", ["四线", "四线城市", "4线", "tier4", "t4"]),
            new("5", "tier_5", "五线", ["五线", "五线城市", "五线及以下", "5线", "tier5", "t5"]),
        ], "tier_unknown"),
    ];

    /// <summary>The contract of <paramref name="feed"/>; throws for a name that is no feed.</summary>
    public static FeedContract For(string feed) =>
        Feeds.FirstOrDefault(f => string.Equals(f.Feed, feed, StringComparison.Ordinal))
        ?? throw new TrendInsightException($"Unknown feed '{feed}'; known feeds: {string.Join(", ", Core.Feeds.All)}");

    /// <summary>The segment dimension of field <paramref name="field"/>, or null.</summary>
    public static SegmentDimension? Segment(string field) =>
        Segments.FirstOrDefault(d => string.Equals(d.Field, field, StringComparison.Ordinal));

    /// <summary>How the report names a value of a segment dimension (<c>new1</c> → 新一线, <c>unknown</c> → 未知).</summary>
    public static string Label(string field, string value) =>
        Segment(field)?.Find(value)?.Label ?? (value == Unknown ? UnknownLabel : value);

    /// <summary>Engagement units of the given counts, computed as <see cref="ContractSql"/>'s <c>engagement_units</c> macro does.</summary>
    public static double EngagementUnits(long plays, long likes, long shares, long purchases)
    {
        ReadOnlySpan<long> counts = [plays, likes, shares, purchases];
        var units = 0.0;
        for (var i = 0; i < EngagementMeasures.Count; i++)
        {
            var m = EngagementMeasures[i];
            units += m.PerUnit > 1 ? counts[i] / (double)m.PerUnit : m.Weight == 1 ? counts[i] : m.Weight * (double)counts[i];
        }

        return units;
    }
}
