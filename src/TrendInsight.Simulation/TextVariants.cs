using System.Text;

namespace TrendInsight.Simulation;

/// <summary>
/// The variants real sources deliver: traditional characters (Taiwan/Hong Kong users, some shops),
/// and full-width Latin letters and digits (Chinese input methods).
/// </summary>
internal static class TextVariants
{
    private const string Simplified =
        "国风营头装荐帐灯户冲锋运动连红裤质买爱这个们说颜链马复松亚阔机绒织丝绿衬盘汉轻补减贵学党吗关过样么显钱会码数货种绝"
        + "没场点气温周鞋带图试价伞杯盒钥围耳条为时优惠满凑单双预罗纺锦线纹袜软硬厚薄长弹脚发饰"
        + "军垫选礼盖帮认识应该对错难实际欢题问觉针开纯宽适护肤韩华丽细节设计师紧领鸭热门简约亲钻鱼渔迁产战轮话还让给后书";

    private const string Traditional =
        "國風營頭裝薦帳燈戶衝鋒運動連紅褲質買愛這個們說顏鏈馬復鬆亞闊機絨織絲綠襯盤漢輕補減貴學黨嗎關過樣麼顯錢會碼數貨種絕"
        + "沒場點氣溫週鞋帶圖試價傘杯盒鑰圍耳條為時優惠滿湊單雙預羅紡錦線紋襪軟硬厚薄長彈腳發飾"
        + "軍墊選禮蓋幫認識應該對錯難實際歡題問覺針開純寬適護膚韓華麗細節設計師緊領鴨熱門簡約親鑽魚漁遷產戰輪話還讓給後書";

    private static readonly Dictionary<char, char> Map = BuildMap();

    /// <summary>Simplified → traditional for the characters this simulator uses (头发 → 頭髮).</summary>
    public static string ToTraditional(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '发' && i > 0 && text[i - 1] == '头')
            {
                sb.Append('髮');
                continue;
            }

            sb.Append(Map.TryGetValue(c, out var t) ? t : c);
        }

        return sb.ToString();
    }

    /// <summary>True when the text holds a character that <see cref="ToTraditional"/> changes.</summary>
    public static bool HasConvertible(string text)
    {
        foreach (var c in text)
        {
            if (Map.ContainsKey(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ASCII letters, digits and punctuation → full-width forms; space → ideographic space.</summary>
    public static string ToFullWidth(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                ' ' => '\u3000',
                >= '!' and <= '~' => (char)(c + 0xFEE0),
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>True when the text holds a Latin letter or digit that <see cref="ToFullWidth"/> changes.</summary>
    public static bool HasAscii(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<char, char> BuildMap()
    {
        if (Simplified.Length != Traditional.Length)
        {
            throw new InvalidOperationException("Traditional character table is misaligned.");
        }

        var map = new Dictionary<char, char>();
        for (var i = 0; i < Simplified.Length; i++)
        {
            if (Simplified[i] != Traditional[i])
            {
                map[Simplified[i]] = Traditional[i];
            }
        }

        return map;
    }
}
