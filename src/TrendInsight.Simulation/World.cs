namespace TrendInsight.Simulation;

/// <summary>
/// The planted world: topics with lifecycles, evergreen terms, one-day spikes, noise terms and
/// chatter. Dates are offsets from the end date, so every run ends with the same picture: three
/// topics rising (peak at least a week ahead), two peaking, two declining.
/// </summary>
internal static class World
{
    public static IReadOnlyList<Subject> Topics { get; } =
    [
        new Subject
        {
            Id = "camping",
            Kind = SubjectKind.Topic,
            Terms = ["露营", "帐篷", "天幕", "露营灯", "户外", "折叠椅", "蛋卷桌"],
            Queries = ["露营装备推荐", "露营 帐篷 推荐", "精致露营 装备清单", "露营灯 充电", "天幕 防晒 户外", "折叠椅 露营 便携", "周末露营去哪儿", "露营 穿搭 女", "蛋卷桌 户外 露营"],
            QueryModifiers = ["推荐", "装备", "平价", "便携", "清单", "入门", "2026新款"],
            Titles = ["周末去山里露营⛺ 装备清单来啦", "第一次露营就爱上了", "精致露营｜天幕搭建教程", "露营灯测评 这几款真的亮", "带娃露营的一天 超治愈", "露营穿搭 拍照出片"],
            Tags = ["露营", "周末去哪儿", "户外", "精致露营", "露营装备"],
            Products = ["露营帐篷 户外 加厚防雨", "天幕 户外 防晒 遮阳棚", "露营灯 充电 复古 马灯", "户外折叠椅 克米特椅 便携", "蛋卷桌 铝合金 露营桌", "野餐垫 防潮 加厚 户外"],
            Attributes = ["复古", "户外", "防晒", "便携", "军绿色", "卡其色", "牛津布", "宝妈", "野餐"],
            CommentLines = ["求{t}链接！", "{t}也太好看了吧", "这个{t}多少钱呀", "周末安排上{t}", "{t}装备哪里买的", "我也想去{t}"],
            Category = "户外",
            MinPriceYuan = 59,
            MaxPriceYuan = 899,
            Baseline = 60,
            Level = 1700,
            StartOffset = -75,
            PeakOffset = -2,
            EndOffset = 45,
            SupplyLagDays = 0,
        },
        new Subject
        {
            Id = "dopamine",
            Kind = SubjectKind.Topic,
            Terms = ["多巴胺穿搭", "多巴胺", "撞色", "亮色"],
            Queries = ["多巴胺穿搭 夏季", "多巴胺穿搭 女", "多巴胺 撞色 t恤", "多巴胺穿搭 小个子", "亮色 连衣裙 多巴胺", "多巴胺 配色"],
            QueryModifiers = ["女", "夏季", "学生党", "配色", "显白"],
            Titles = ["多巴胺穿搭｜夏天就要穿得亮一点", "一周多巴胺配色不重样", "撞色这样穿超高级", "多巴胺穿搭 快乐加倍"],
            Tags = ["多巴胺穿搭", "多巴胺", "夏日穿搭", "撞色"],
            Products = ["多巴胺穿搭 撞色T恤女 宽松", "多巴胺 亮色连衣裙 夏", "撞色针织开衫 多巴胺", "多巴胺 糖果色 短裤"],
            Attributes = ["撞色", "多巴胺粉", "糖果色", "纯棉", "夏季", "学生党", "度假"],
            CommentLines = ["{t}看着心情都变好了", "{t}绝绝子", "这套{t}求链接", "{t}我也想试试"],
            Category = "女装",
            MinPriceYuan = 39,
            MaxPriceYuan = 259,
            Baseline = 0,
            Level = 1500,
            StartOffset = -115,
            PeakOffset = -50,
            EndOffset = -10,
            SupplyLagDays = 0,
        },
        new Subject
        {
            Id = "citywalk",
            Kind = SubjectKind.Topic,
            Terms = ["citywalk", "城市漫步", "帆布鞋", "斜挎包"],
            Queries = ["citywalk 穿搭", "citywalk 路线 上海", "citywalk 穿什么鞋", "城市漫步 路线推荐", "citywalk 斜挎包", "citywalk 拍照 姿势"],
            QueryModifiers = ["穿搭", "路线", "攻略", "拍照", "包包"],
            Titles = ["上海citywalk路线 一下午逛完", "citywalk穿搭｜舒服又出片", "城市漫步的第一天", "北京胡同citywalk"],
            Tags = ["citywalk", "城市漫步", "周末去哪儿", "ootd"],
            Products = ["citywalk 帆布鞋女 百搭", "斜挎包 citywalk 小众 通勤", "城市漫步 休闲 短外套", "citywalk 渔夫帽 防晒"],
            Attributes = ["帆布", "逛街", "通勤", "米白", "学生党", "拍照"],
            CommentLines = ["{t}好会拍", "下周也去{t}", "{t}路线求分享", "{t}穿这套绝了"],
            Category = "鞋靴",
            MinPriceYuan = 49,
            MaxPriceYuan = 399,
            Baseline = 0,
            Level = 1400,
            StartOffset = -40,
            PeakOffset = 16,
            EndOffset = 60,
            SupplyLagDays = 14,
            Skew = new SegmentSkew("18-23", "f", "1", 0.6),
        },
        new Subject
        {
            Id = "new-chinese",
            Kind = SubjectKind.Topic,
            Terms = ["新中式", "马面裙", "国风", "盘扣", "汉服"],
            Queries = ["新中式 马面裙", "马面裙 日常 通勤", "国风 马面裙 春秋", "新中式穿搭 女", "盘扣 衬衫 新中式", "汉服 日常款", "新中式 外套 女"],
            QueryModifiers = ["女", "通勤", "日常", "春秋", "小个子", "平价"],
            Titles = ["马面裙日常怎么穿不违和", "新中式通勤穿搭｜温柔又大气", "国风穿搭 一周不重样", "盘扣上衣配马面裙"],
            Tags = ["新中式", "马面裙", "国风", "国风穿搭"],
            Products = ["国风马面裙女 半身裙", "新中式 盘扣衬衫 女", "马面裙 织金 日常 通勤", "新中式 外套 女 春秋", "汉服 日常款 改良"],
            Attributes = ["国风", "复古", "真丝", "织金", "酒红色", "复古绿", "通勤", "春秋", "学生党"],
            CommentLines = ["{t}真的好有气质", "这条{t}求链接", "{t}配什么鞋", "{t}日常穿会不会太夸张"],
            Category = "女装",
            MinPriceYuan = 89,
            MaxPriceYuan = 699,
            Baseline = 30,
            Level = 1600,
            StartOffset = -55,
            PeakOffset = 24,
            EndOffset = 80,
            SupplyLagDays = 28,
        },
        new Subject
        {
            Id = "maillard",
            Kind = SubjectKind.Topic,
            Terms = ["美拉德", "美拉德穿搭", "焦糖色", "灯芯绒", "麂皮绒"],
            Queries = ["美拉德穿搭", "美拉德 外套 女", "美拉德 色系 秋冬", "焦糖色 灯芯绒 外套", "美拉德 麂皮绒 包", "美拉德风 男"],
            QueryModifiers = ["穿搭", "秋冬", "外套", "配色", "男", "女"],
            Titles = ["秋天的第一套美拉德穿搭", "美拉德色系｜温暖又高级", "焦糖色灯芯绒外套 太爱了", "美拉德风 男生也能穿"],
            Tags = ["美拉德", "美拉德穿搭", "秋冬穿搭"],
            Products = ["美拉德 灯芯绒外套女", "美拉德 焦糖色 毛衣", "麂皮绒 托特包 美拉德", "美拉德 复古 夹克 男"],
            Attributes = ["复古", "灯芯绒", "麂皮绒", "焦糖色", "咖啡色", "秋冬", "通勤"],
            CommentLines = ["{t}好温柔", "{t}这个颜色绝了", "秋天就要穿{t}", "{t}求同款"],
            Category = "女装",
            MinPriceYuan = 79,
            MaxPriceYuan = 599,
            Baseline = 0,
            Level = 1300,
            StartOffset = -25,
            PeakOffset = 12,
            EndOffset = 50,
            SupplyLagDays = 21,
        },
        new Subject
        {
            Id = "relaxed",
            Kind = SubjectKind.Topic,
            Terms = ["松弛感", "松弛感穿搭", "亚麻", "阔腿裤"],
            Queries = ["松弛感穿搭", "松弛感 亚麻 衬衫", "阔腿裤 松弛感", "松弛感 妈妈", "亚麻 阔腿裤 女"],
            QueryModifiers = ["穿搭", "女", "夏", "通勤"],
            Titles = ["松弛感穿搭｜不费力的高级", "亚麻衬衫配阔腿裤 太舒服了", "做一个有松弛感的人"],
            Tags = ["松弛感", "松弛感穿搭", "亚麻"],
            Products = ["亚麻衬衫女 松弛感 宽松", "阔腿裤 亚麻 垂感", "松弛感 背心裙 棉麻"],
            Attributes = ["亚麻", "棉麻", "米白", "宽松", "通勤", "宝妈"],
            CommentLines = ["{t}太舒服了", "这就是{t}吧", "{t}yyds"],
            Category = "女装",
            MinPriceYuan = 59,
            MaxPriceYuan = 329,
            Baseline = 20,
            Level = 1100,
            StartOffset = -90,
            PeakOffset = -30,
            EndOffset = 5,
            SupplyLagDays = 0,
        },
        new Subject
        {
            Id = "gorpcore",
            Kind = SubjectKind.Topic,
            Terms = ["山系", "冲锋衣", "机能风", "徒步鞋"],
            Queries = ["山系穿搭 男", "冲锋衣 女 防水", "机能风 冲锋衣", "山系 徒步鞋", "冲锋衣 三合一 推荐"],
            QueryModifiers = ["男", "女", "防水", "推荐", "秋冬"],
            Titles = ["山系穿搭｜城市里的户外感", "冲锋衣测评 这件真的防水", "机能风 一衣多穿"],
            Tags = ["山系", "冲锋衣", "户外", "机能风"],
            Products = ["冲锋衣 三合一 防水 户外", "山系 徒步鞋 防滑", "机能风 工装裤 男"],
            Attributes = ["户外", "防水", "尼龙", "军绿色", "徒步", "秋冬"],
            CommentLines = ["{t}看起来好酷", "{t}防水吗", "{t}求品牌"],
            Category = "户外",
            MinPriceYuan = 129,
            MaxPriceYuan = 1299,
            Baseline = 40,
            Level = 1000,
            StartOffset = -56,
            PeakOffset = -4,
            EndOffset = 50,
            SupplyLagDays = 0,
        },
    ];

    /// <summary>
    /// Seasonal look-alikes: two trends that rise together every winter on the same curve, each with
    /// its own words, never named together in a query, title or comment (one shared hashtag at most).
    /// They are real trends, but two of them: an analysis that merges them on co-movement alone is wrong.
    /// </summary>
    public static IReadOnlyList<Subject> Seasonal { get; } =
    [
        new Subject
        {
            Id = "down-jacket",
            Kind = SubjectKind.Topic,
            Terms = ["羽绒服", "面包服"],
            Queries = ["羽绒服 女 短款", "面包服 短款 女", "羽绒服 白鸭绒 轻薄", "羽绒服 长款 加厚", "面包服 显瘦"],
            QueryModifiers = ["女", "短款", "加厚", "轻薄", "长款"],
            Titles = ["冬天的第一件羽绒服", "面包服怎么选不显胖", "羽绒服测评｜这件真的暖"],
            Tags = ["羽绒服", "冬季穿搭"],
            Products = ["白鸭绒羽绒服女 短款", "面包服 加厚 保暖", "羽绒服 长款 过膝"],
            Attributes = ["白鸭绒", "加厚", "保暖", "秋冬"],
            CommentLines = ["{t}暖和吗", "这件{t}求链接", "{t}会不会钻绒"],
            Category = "女装",
            MinPriceYuan = 199,
            MaxPriceYuan = 1299,
            Baseline = 10,
            Level = 700,
            StartOffset = -45,
            PeakOffset = 14,
            EndOffset = 60,
            SupplyLagDays = 0,
        },
        new Subject
        {
            Id = "scarf",
            Kind = SubjectKind.Topic,
            Terms = ["围巾", "披肩"],
            Queries = ["围巾 女 冬季", "羊绒 围巾", "围巾 系法", "披肩 外搭", "围巾 格子 百搭"],
            QueryModifiers = ["女", "冬季", "羊绒", "系法", "格子"],
            Titles = ["围巾的十种系法", "冬天离不开的一条围巾", "披肩这样搭好温柔"],
            Tags = ["围巾", "冬季穿搭"],
            Products = ["羊绒围巾女 冬季 保暖", "格子围巾 百搭", "针织披肩 外搭"],
            Attributes = ["羊绒", "格子", "保暖", "秋冬"],
            CommentLines = ["{t}颜色好温柔", "{t}求链接", "{t}扎人吗"],
            Category = "配饰",
            MinPriceYuan = 39,
            MaxPriceYuan = 499,
            Baseline = 10,
            Level = 650,
            StartOffset = -45,
            PeakOffset = 14,
            EndOffset = 60,
            SupplyLagDays = 0,
        },
    ];

    public static IReadOnlyList<Subject> Evergreen { get; } =
    [
        EvergreenTerm("连衣裙", "女装", 700, ["连衣裙 夏 显瘦", "碎花连衣裙", "连衣裙 收腰 气质"], ["法式碎花连衣裙女 收腰 显瘦", "连衣裙 气质 通勤 长款"]),
        EvergreenTerm("口红", "美妆", 650, ["口红 黄皮 显白", "口红 平价", "口红 哑光 秋冬"], ["哑光口红 显白 不沾杯", "口红礼盒 显白 正品"]),
        EvergreenTerm("T恤", "女装", 550, ["T恤 女 纯棉", "T恤 宽松 白色", "短袖T恤 男"], ["纯棉T恤女 宽松 百搭", "白色短袖T恤 男 基础款"]),
        EvergreenTerm("牛仔裤", "女装", 450, ["牛仔裤 高腰 直筒", "牛仔裤 男 宽松"], ["高腰直筒牛仔裤女 显瘦", "牛仔裤男 宽松 百搭"]),
        EvergreenTerm("运动鞋", "鞋靴", 420, ["运动鞋 女 透气", "跑步运动鞋 男"], ["运动鞋女 透气 轻便", "跑步运动鞋 男 减震"]),
        EvergreenTerm("防晒霜", "美妆", 380, ["防晒霜 敏感肌", "防晒霜 学生党 平价"], ["防晒霜 清爽 不油腻", "物理防晒霜 敏感肌"]),
        EvergreenTerm("面膜", "美妆", 320, ["面膜 补水", "面膜 熬夜 急救"], ["补水面膜 20片装", "修护面膜 熬夜 急救"]),
        EvergreenTerm("卫衣", "女装", 300, ["卫衣 女 宽松", "卫衣 连帽 加绒"], ["连帽卫衣 加绒 宽松", "卫衣女 字母 百搭"]),
    ];

    public static IReadOnlyList<Subject> Spikes { get; } =
    [
        Spike("淄博烧烤", -62, 2200, ["淄博烧烤 攻略", "淄博烧烤 怎么去", "淄博烧烤"], "美食"),
        Spike("演唱会同款", -33, 2600, ["演唱会同款 墨镜", "演唱会同款 外套", "演唱会同款"], "女装"),
        Spike("显眼包", -18, 1800, ["显眼包 是什么意思", "显眼包 衣服", "显眼包"], "其他"),
    ];

    public static IReadOnlyList<Subject> Noise { get; } =
        new[] { "保温杯", "手机壳", "雨伞", "收纳盒", "香薰", "拖鞋", "发夹", "钥匙扣", "笔记本", "台灯", "抱枕", "袜子", "耳机", "水杯", "帆布袋", "杯垫" }
            .Select((term, i) => new Subject
            {
                Id = "noise-" + term,
                Kind = SubjectKind.Noise,
                Terms = [term],
                QueryModifiers = ["推荐", "平价", "可爱", "ins风", "便宜"],
                Products = [term + " 家用 简约", term + " ins风 可爱"],
                Tags = [term],
                Titles = [term + "好物分享", "最近买到的" + term],
                Category = "家居",
                MinPriceYuan = 9,
                MaxPriceYuan = 99,
                Level = 12 + (i % 4 * 6),
            })
            .ToArray();

    /// <summary>Everyday posts and searches that mention no planted term.</summary>
    public static Subject Chatter { get; } = new()
    {
        Id = "chatter",
        Kind = SubjectKind.Chatter,
        Terms = [],
        Queries = ["今日穿搭", "ootd 女", "小个子穿搭", "梨形身材 穿搭", "通勤穿搭 女", "秋冬穿搭", "男生穿搭", "学生党 平价 好物", "显瘦 穿搭", "早秋 穿搭"],
        Titles = ["今日穿搭分享", "上班通勤OOTD", "一周穿搭不重样", "vlog｜周末的日常", "最近的购物分享", "小个子的穿搭心得", "平价好物合集"],
        Tags = ["ootd", "日常", "穿搭", "好物分享", "vlog"],
        Products = ["休闲外套 女 百搭", "针织开衫 女 秋", "半身裙 女 a字", "衬衫 男 商务"],
        Category = "女装",
        Level = 900,
    };

    public static IReadOnlyList<string> ChatterLines { get; } =
    [
        "哈哈哈", "哈哈哈哈哈", "求链接", "求链接！！", "姐妹们冲", "好看", "绝绝子", "已下单", "蹲一个", "质量怎么样？",
        "显瘦吗", "多少钱呀", "这个颜色绝了", "博主好会穿", "码数正吗", "发货好慢", "种草了", "拔草了", "同款get", "救命太可爱了",
        "打卡", "路过", "第一", "求教程", "头发怎么弄的", "太贵了吧", "学生党买得起吗", "已关注", "好想去", "周末安排上",
        "笑死我了", "真的假的", "一模一样", "收藏了", "这也太美了", "爱了爱了", "博主身高多少", "有没有大码", "上身效果怎么样", "蹲返场",
    ];

    public static IReadOnlyList<string> Emoji { get; } = ["😍", "🔥", "✨", "💕", "👍", "😭", "🤣", "⛺", "🏕️", "👗", "💄", "🌸", "🙏", "❤️", "🥰", "👀", "😂", "🍂"];

    public static IReadOnlyList<string> Promotions { get; } = ["新款", "现货", "爆款", "限时", "官方旗舰", "2026新款", "包邮", "热卖"];

    public static IReadOnlyList<string> Seasons { get; } = ["春秋", "夏季", "秋冬", "四季"];

    public static IReadOnlyList<string> Crowds { get; } = ["学生党", "宝妈", "小个子", "打工人", "上班族", "男生", "女生"];

    public static IReadOnlyList<string> Platforms { get; } = ["douyin", "xiaohongshu", "taobao", "bilibili", "kuaishou"];

    public static IReadOnlyList<string> EventQueries { get; } = ["双11 预售", "双11 口红 优惠", "双11 满减", "双11 必买清单", "双11 羽绒服", "双11 凑单"];

    public static IReadOnlyList<Subject> All { get; } =
        [.. Topics, .. Seasonal, .. Evergreen, .. Spikes, .. Noise, Chatter];

    private static Subject EvergreenTerm(string term, string category, double level, string[] queries, string[] products) => new()
    {
        Id = "evergreen-" + term,
        Kind = SubjectKind.Evergreen,
        Terms = [term],
        Queries = queries,
        QueryModifiers = ["推荐", "女", "平价", "正品", "新款"],
        Titles = [term + "合集｜平价又好用", "今年最爱的" + term, term + "测评"],
        Tags = [term, "好物分享"],
        Products = products,
        CommentLines = ["这个{t}好看", "{t}求色号", "{t}回购了"],
        Category = category,
        Level = level,
    };

    private static Subject Spike(string term, int offset, double level, string[] queries, string category) => new()
    {
        Id = "spike-" + term,
        Kind = SubjectKind.Spike,
        Terms = [term],
        Queries = queries,
        Titles = [term + "是什么梗", "今天全网都在聊" + term],
        Tags = [term, "热点"],
        Products = [term + " 同款"],
        CommentLines = ["{t}笑死", "又是{t}", "{t}冲上热搜了"],
        Category = category,
        Baseline = 1,
        Level = level,
        SpikeOffset = offset,
    };
}
