namespace TrendInsight.Simulation;

/// <summary>What a row talks about: a planted topic, an evergreen term, a one-day spike, a noise term, or plain chatter.</summary>
internal enum SubjectKind
{
    Topic,
    Evergreen,
    Spike,
    Noise,
    Chatter,
}

/// <summary>
/// One thing people search for, post about and buy, with the words that express it and how its
/// volume moves over time. Volumes are rows a day at scale 1 before weekday and event factors.
/// </summary>
internal sealed class Subject
{
    public required string Id { get; init; }

    public required SubjectKind Kind { get; init; }

    /// <summary>Terms that mark a row as being about this subject; the first is the core term.</summary>
    public required string[] Terms { get; init; }

    /// <summary>Whole search queries typed by users.</summary>
    public string[] Queries { get; init; } = [];

    /// <summary>Words appended to a term to make a query (推荐, 平价 …).</summary>
    public string[] QueryModifiers { get; init; } = [];

    /// <summary>Content titles (without hashtags).</summary>
    public string[] Titles { get; init; } = [];

    /// <summary>Hashtags (without #) used on content about this subject.</summary>
    public string[] Tags { get; init; } = [];

    /// <summary>Product names for listings (马面裙女 半身裙 …).</summary>
    public string[] Products { get; init; } = [];

    /// <summary>Style, material, colour, scene, category and crowd words that co-occur with it.</summary>
    public string[] Attributes { get; init; } = [];

    /// <summary>Comment sentences with a <c>{t}</c> placeholder for a term.</summary>
    public string[] CommentLines { get; init; } = [];

    public string Category { get; init; } = "其他";

    public int MinPriceYuan { get; init; } = 29;

    public int MaxPriceYuan { get; init; } = 199;

    /// <summary>Search rows a day before the topic starts (0 = a breakout with no baseline).</summary>
    public double Baseline { get; init; }

    /// <summary>Search rows a day at the peak (topic), every day (evergreen, noise) or on the day (spike).</summary>
    public double Level { get; init; }

    /// <summary>Planted lifecycle, in days relative to the end date (topics only).</summary>
    public int StartOffset { get; init; }

    public int PeakOffset { get; init; }

    public int EndOffset { get; init; }

    /// <summary>Share of the peak level that remains after the topic has ended.</summary>
    public double Residual { get; init; } = 0.12;

    /// <summary>Days product listings trail demand (0 = supply keeps up).</summary>
    public int SupplyLagDays { get; init; }

    /// <summary>The segment leading the topic, with the share of its rows drawn from that segment.</summary>
    public SegmentSkew? Skew { get; init; }

    /// <summary>Day offset of a spike.</summary>
    public int SpikeOffset { get; init; }

    /// <summary>
    /// Planted lifecycle curve in [0, 1]: smoothstep up from start to peak, smoothstep down to a
    /// residual at the end. Basic arithmetic only, so it is identical on every platform.
    /// </summary>
    public double Shape(int offset)
    {
        if (offset < StartOffset)
        {
            return 0;
        }

        if (offset <= PeakOffset)
        {
            var x = PeakOffset == StartOffset ? 1.0 : (offset - StartOffset) / (double)(PeakOffset - StartOffset);
            return x * x * (3 - (2 * x));
        }

        if (offset >= EndOffset)
        {
            return Residual;
        }

        var y = (offset - PeakOffset) / (double)(EndOffset - PeakOffset);
        var down = 1 - (y * y * (3 - (2 * y)));
        return Residual + ((1 - Residual) * down);
    }

    /// <summary>Expected search rows on the day <paramref name="offset"/> days from the end date (scale 1).</summary>
    public double SearchLevel(int offset) => Kind switch
    {
        SubjectKind.Topic => Baseline + (Level * Shape(offset)),
        SubjectKind.Spike => offset == SpikeOffset ? Level : Baseline,
        _ => Level,
    };

    /// <summary>Expected new product listings on that day: demand of <see cref="SupplyLagDays"/> days earlier.</summary>
    public double SupplyLevel(int offset) => Kind switch
    {
        SubjectKind.Topic => Baseline + (Level * Shape(offset - SupplyLagDays)),
        SubjectKind.Spike => Baseline,
        _ => Level,
    };
}
