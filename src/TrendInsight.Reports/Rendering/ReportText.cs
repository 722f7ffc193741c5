using System.Globalization;
using TrendInsight.Core;
using TrendInsight.Core.Contract;
using TrendInsight.Reports.Model;

namespace TrendInsight.Reports.Rendering;

/// <summary>Chinese labels and number formats shared by the three renderers.</summary>
internal static class ReportText
{
    public const string NotEnoughData = "数据不足 (not enough data)";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Lifecycle(TopicLifecycle stage) => stage switch
    {
        TopicLifecycle.Emerging => "萌芽",
        TopicLifecycle.Rising => "上升",
        TopicLifecycle.Peaking => "见顶",
        TopicLifecycle.Declining => "回落",
        TopicLifecycle.Stable => "平稳",
        _ => "未定",
    };

    public static string LifecycleKey(TopicLifecycle stage) => stage.ToString().ToLowerInvariant();

    public static string AttributeType(string type) => type switch
    {
        "style" => "风格",
        "material" => "材质",
        "colour" or "color" => "颜色",
        "scene" => "场景",
        "category" => "品类",
        "crowd" => "人群",
        _ => type,
    };

    /// <summary>Order the attribute types are shown in.</summary>
    public static IReadOnlyList<string> AttributeTypes { get; } = ["style", "material", "colour", "scene", "category", "crowd"];

    /// <summary>How the report names a segment dimension (the landing contract's label).</summary>
    public static string Dimension(string dimension) => LandingContract.Segment(dimension)?.Label ?? dimension;

    /// <summary>Order the segment dimensions are shown in.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = [.. LandingContract.Segments.Select(d => d.Field)];

    /// <summary>How the report names a segment value (the landing contract's label: new1 → 新一线, unknown → 未知).</summary>
    public static string Segment(string dimension, string segment) => LandingContract.Label(dimension, segment);

    /// <summary>Position of a segment in its dimension's natural order (the contract's: ages ascending, tiers from 1 down).</summary>
    public static int SegmentOrder(string dimension, string segment)
    {
        var values = LandingContract.Segment(dimension)?.Values ?? [];
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i].Value, segment, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return values.Count;
    }

    public static string Feed(string feed) => feed switch
    {
        "search" => "搜索",
        "comments" => "评论",
        "engagement" => "互动",
        "content" => "内容",
        "products" => "商品",
        _ => feed,
    };

    /// <summary>12,345 style, invariant.</summary>
    public static string Count(long value) => value.ToString("N0", Inv);

    /// <summary>Short Chinese magnitude: 9,876 / 1.2万 / 3.4亿.</summary>
    public static string Short(long value) => Math.Abs(value) switch
    {
        >= 100_000_000 => (value / 100_000_000d).ToString("0.#", Inv) + "亿",
        >= 10_000 => (value / 10_000d).ToString("0.#", Inv) + "万",
        _ => value.ToString("N0", Inv),
    };

    public static string Growth(double? pct) => pct switch
    {
        null => "新",
        double p when double.IsNaN(p) || double.IsInfinity(p) => "—",
        double p => (p >= 0 ? "+" : string.Empty) + p.ToString(Math.Abs(p) >= 100 ? "0" : "0.#", Inv) + "%",
    };

    public static string Number(double value, string format = "0.0") =>
        double.IsNaN(value) || double.IsInfinity(value) ? "—" : value.ToString(format, Inv);

    /// <summary>An interest index: thousands separated, one decimal only for small values.</summary>
    public static string Index(double value) => Number(value, Math.Abs(value) >= 100 ? "N0" : "0.0");

    public static string Date(DateOnly date) => BusinessCalendar.Format(date);

    public static string ShortDate(DateOnly date) => date.ToString("MM-dd", Inv);

    public static string Period(TrendReport report) =>
        $"{Date(report.RecentStart)} 至 {Date(report.AsOf)}（近 {report.RecentDays.ToString(Inv)} 天）";

    public static string Baseline(TrendReport report) =>
        report.BaselineStart is { } start && report.BaselineEnd is { } end
            ? $"{Date(start)} 至 {Date(end)}"
            : "无（" + NotEnoughData + "）";

    /// <summary>The segments the mart says lead the topic in a dimension, highest TGI first (none when no segment leads).</summary>
    public static IReadOnlyList<SegmentSkew> Leading(IEnumerable<SegmentSkew> segments, string dimension) =>
        segments.Where(s => s.Dimension == dimension && s.Segment != "unknown" && s.Leads)
            .OrderByDescending(s => s.Tgi)
            .ThenByDescending(s => s.Count)
            .ToList();

    /// <summary>What the report says where no segment leads.</summary>
    public const string NoLeadingSegment = "无明显领先人群";

    /// <summary>The leading segments of a topic across dimensions, e.g. "18-23岁 312 / 女性 135", or <see cref="NoLeadingSegment"/>.</summary>
    public static string LeadingSummary(TopicTrend topic)
    {
        var leads = Dimensions.SelectMany(d => Leading(topic.Segments, d).Take(1))
            .Select(s => $"{Segment(s.Dimension, s.Segment)} {Number(s.Tgi, "0")}")
            .ToList();
        return leads.Count == 0 ? NoLeadingSegment : string.Join(" / ", leads);
    }

    /// <summary>Movement against the previous report: ↑3, ↓2, 持平, 新上榜; — when there was no previous report.</summary>
    public static string Movement(ListMovement? movement) => movement switch
    {
        { IsNew: true } => "新上榜",
        { RankChange: > 0 and var up } => "↑" + up.ToString(Inv),
        { RankChange: < 0 and var down } => "↓" + (-down).ToString(Inv),
        { RankChange: 0 } => "持平",
        _ => "—",
    };

    /// <summary>CSS class of a movement.</summary>
    public static string MovementKey(ListMovement? movement) => movement switch
    {
        { IsNew: true } => "new",
        { RankChange: > 0 } => "up",
        { RankChange: < 0 } => "down",
        _ => "same",
    };

    /// <summary>Weeks on the list, e.g. "3 周"; — when unknown.</summary>
    public static string Weeks(ListMovement? movement) =>
        movement?.WeeksOnList is { } w ? w.ToString(Inv) + " 周" : "—";

    /// <summary>The opportunity score as every format prints it.</summary>
    public static string Opportunity(double score) => Number(score, "0.0");

    /// <summary>Why a topic is under-supplied, in words.</summary>
    public static string GapReason(SupplyGap gap) => gap.Reason switch
    {
        "growth_and_level" => "需求增长快于商品供给，且在售商品少于同类话题",
        "growth" => "需求增长快于商品供给",
        "level" => "在售商品少于同类话题",
        _ => "供给跟得上需求",
    };

    /// <summary>Listings per 1k demand against the typical topic, e.g. "每千需求在售 1.1 件（中位 4.8 件）".</summary>
    public static string SupplyLevel(SupplyGap gap) =>
        gap.ListingsPer1kDemand is { } per1k
            ? "每千需求在售 " + Number(per1k, "0.0") + " 件" + (gap.MedianListingsPer1k is { } m ? "（中位 " + Number(m, "0.0") + " 件）" : string.Empty)
            : string.Empty;
}
