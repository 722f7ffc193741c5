using System.Globalization;
using TrendInsight.Core;
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

    public static string Dimension(string dimension) => dimension switch
    {
        "age_band" => "年龄",
        "gender" => "性别",
        "city_tier" => "城市线级",
        _ => dimension,
    };

    /// <summary>Order the segment dimensions are shown in.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = ["age_band", "gender", "city_tier"];

    public static string Segment(string dimension, string segment) => (dimension, segment) switch
    {
        ("gender", "f") => "女性",
        ("gender", "m") => "男性",
        ("age_band", "<18") => "18岁以下",
        ("age_band", "50+") => "50岁以上",
        ("age_band", _) when segment != "unknown" => segment + "岁",
        ("city_tier", "1") => "一线",
        ("city_tier", "new1") => "新一线",
        ("city_tier", "2") => "二线",
        ("city_tier", "3") => "三线",
        ("city_tier", "4") => "四线",
        ("city_tier", "5") => "五线",
        (_, "unknown") => "未知",
        _ => segment,
    };

    /// <summary>Position of a segment in its dimension's natural order (ages ascending, tiers from 1 down).</summary>
    public static int SegmentOrder(string dimension, string segment)
    {
        string[] order = dimension switch
        {
            "age_band" => ["<18", "18-23", "24-30", "31-40", "41-50", "50+"],
            "gender" => ["f", "m"],
            "city_tier" => ["1", "new1", "2", "3", "4", "5"],
            _ => [],
        };
        var i = Array.IndexOf(order, segment);
        return i < 0 ? order.Length : i;
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

    /// <summary>The segment with the highest TGI in a dimension, among segments with a known value.</summary>
    public static SegmentSkew? Leading(IEnumerable<SegmentSkew> segments, string dimension) =>
        segments.Where(s => s.Dimension == dimension && s.Segment != "unknown")
            .OrderByDescending(s => s.Tgi)
            .ThenByDescending(s => s.Count)
            .FirstOrDefault();
}
