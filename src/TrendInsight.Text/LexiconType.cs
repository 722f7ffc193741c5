namespace TrendInsight.Text;

/// <summary>
/// The attribute a domain lexicon word names, used to explain a topic as style × material × scene; or
/// <see cref="Chatter"/>, a stock phrase of comments that is cut out whole and never counted.
/// </summary>
public enum LexiconType
{
    /// <summary>Aesthetic or style: 国风, 复古, 多巴胺, 美拉德, 老钱风.</summary>
    Style = 0,

    /// <summary>Material or fabric: 灯芯绒, 真丝, 亚麻.</summary>
    Material = 1,

    /// <summary>Colour: 克莱因蓝, 焦糖色, 薄荷绿.</summary>
    Colour = 2,

    /// <summary>Scene or activity: 露营, 通勤, citywalk, 飞盘.</summary>
    Scene = 3,

    /// <summary>Product category: 马面裙, 冲锋衣, 天幕.</summary>
    Category = 4,

    /// <summary>Consumer group: 学生党, 宝妈, 打工人.</summary>
    Crowd = 5,

    /// <summary>
    /// A stock phrase of platform comments (求同款, 好会拍, 真的假的): one token, so that jieba does not
    /// cut fragments such as 求同 or 好会 out of it, and a stop word, so that it never becomes a term.
    /// </summary>
    Chatter = 6,
}
