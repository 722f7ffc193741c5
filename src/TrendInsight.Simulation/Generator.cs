using System.Globalization;
using TrendInsight.Core;
using TrendInsight.Core.Pipeline;

namespace TrendInsight.Simulation;

/// <summary>
/// Writes the landing files day by day, feed by feed, in a fixed order. Each feed-day draws from its
/// own random stream (seed, feed, day), so output is byte-identical for a seed. Memory stays flat:
/// only rings of recent content ids and listings, and the few rows waiting to be repeated, are kept.
/// </summary>
internal sealed partial class Generator
{
    private static readonly string[] FeedOrder = [Feeds.Content, Feeds.Products, Feeds.Search, Feeds.Comments, Feeds.Engagement];
    private readonly SimulationOptions _options;
    private readonly string _root;
    private readonly Dictionary<string, FeedTally> _tallies = [];
    private readonly Dictionary<string, Ring<string>> _contentPools = new(StringComparer.Ordinal);
    private readonly Ring<ProductListing> _listings = new(5000);
    private readonly Dictionary<string, List<Row>> _carry = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _topicSearchRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _topicListings = new(StringComparer.Ordinal);
    private readonly List<(string Feed, string Original, string Copy, long Rows)> _resent = [];
    private readonly List<string> _gb18030Files = [];
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    public Generator(SimulationOptions options, DateOnly end)
    {
        _options = options;
        End = end;
        Start = end.AddDays(1 - options.Days);
        _root = Path.GetFullPath(options.OutputDirectory);
        (EventDate, EventName) = ChooseEventDate(Start, End);
        foreach (var feed in Feeds.All)
        {
            _tallies[feed] = new FeedTally(feed);
            _carry[feed] = [];
        }

        foreach (var subject in World.All)
        {
            _contentPools[subject.Id] = new Ring<string>(200);
        }

        foreach (var topic in World.Topics.Concat(World.Seasonal).Concat(World.Spikes))
        {
            _topicSearchRows[topic.Id] = new int[options.Days];
            _topicListings[topic.Id] = new int[options.Days];
        }
    }

    public DateOnly Start { get; }

    public DateOnly End { get; }

    /// <summary>
    /// The 双11-style shopping festival: 11 November when it falls in the window at least
    /// <see cref="FestivalClearance"/> days before the end; else a generic 大促 about 60 % back (and
    /// no later than that clearance when the window allows), so a burst across the board never sits
    /// inside the recent and baseline windows the analysis scores as of the end date.
    /// </summary>
    public DateOnly EventDate { get; }

    /// <summary>双11 or 大促.</summary>
    public string EventName { get; }

    /// <summary>Days kept clear of the festival before the end date: a 7-day recent plus a 28-day baseline window, and a week.</summary>
    public const int FestivalClearance = 42;

    public int GbkDayIndex => _options.Days >= 3 ? (_options.Days / 2 % 5 == 0 ? (_options.Days / 2) + 1 : _options.Days / 2) : -1;

    public int ResentDayIndex => _options.Days >= 2 ? _options.Days / 3 : -1;

    public SimulationSummary Run(IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        foreach (var feed in Feeds.All)
        {
            Directory.CreateDirectory(Path.Combine(_root, feed));
        }

        for (var day = 0; day < _options.Days; day++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var date = Start.AddDays(day);
            foreach (var feed in FeedOrder)
            {
                WriteFeedDay(feed, day, date);
            }

            progress?.Report(new StageProgress("simulate", BusinessCalendar.Format(date), day + 1, _options.Days));
        }

        var groundTruth = Path.Combine(_root, DataLayout.GroundTruthFile);
        WriteGroundTruth(groundTruth);
        var others = Feeds.All
            .SelectMany(f => Directory.GetFiles(Path.Combine(_root, f)).Select(p => f + "/" + Path.GetFileName(p)))
            .Where(p => !_written.Contains(p))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new SimulationSummary(Start, End, _options.Seed, Feeds.All.Select(f => _tallies[f].ToCounts()).ToArray(), groundTruth, others);
    }

    private static (DateOnly Date, string Name) ChooseEventDate(DateOnly start, DateOnly end)
    {
        var latest = end.AddDays(-FestivalClearance);
        for (var year = end.Year; year >= start.Year; year--)
        {
            var candidate = new DateOnly(year, 11, 11);
            if (candidate >= start && candidate <= latest)
            {
                return (candidate, "双11");
            }
        }

        var span = end.DayNumber - start.DayNumber;
        var back = Math.Min(Math.Max(FestivalClearance, (int)(span * 0.6)), Math.Max(0, span - 3));
        return (end.AddDays(-back), "大促");
    }

    private LandingFormat FormatFor(string feed, int day)
    {
        if (day == 0)
        {
            return LandingFormat.Jsonl;
        }

        return feed switch
        {
            Feeds.Search => day % 7 == 3 ? LandingFormat.JsonlGz : day % 10 == 5 ? LandingFormat.Csv : LandingFormat.Jsonl,
            Feeds.Comments => day % 5 == 2 ? LandingFormat.JsonlGz : LandingFormat.Jsonl,
            Feeds.Engagement => day % 3 == 0 ? LandingFormat.Jsonl : day % 6 == 1 ? LandingFormat.CsvBom : day % 6 == 4 ? LandingFormat.Parquet : LandingFormat.Csv,
            Feeds.Content => day % 4 == 2 ? LandingFormat.Csv : LandingFormat.Jsonl,
            Feeds.Products => day == GbkDayIndex ? LandingFormat.CsvGb18030 : day % 5 == 0 ? LandingFormat.Jsonl : day % 2 == 1 ? LandingFormat.CsvBom : LandingFormat.Csv,
            _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, "Unknown feed."),
        };
    }

    private static string Extension(LandingFormat format) => format switch
    {
        LandingFormat.Jsonl => ".jsonl",
        LandingFormat.JsonlGz => ".jsonl.gz",
        LandingFormat.Parquet => ".parquet",
        _ => ".csv",
    };

    private static FeedSchema SchemaOf(string feed) => feed switch
    {
        Feeds.Search => FeedSchema.Search,
        Feeds.Comments => FeedSchema.Comments,
        Feeds.Engagement => FeedSchema.Engagement,
        Feeds.Content => FeedSchema.Content,
        Feeds.Products => FeedSchema.Products,
        _ => throw new ArgumentOutOfRangeException(nameof(feed), feed, "Unknown feed."),
    };

    private static bool IsEventFeed(string feed) =>
        feed is Feeds.Search or Feeds.Comments or Feeds.Engagement;

    /// <summary>Weekday factor times the shopping-festival factor.</summary>
    private double CalendarFactor(DateOnly date)
    {
        var weekday = date.DayOfWeek switch
        {
            DayOfWeek.Monday => 0.94,
            DayOfWeek.Tuesday => 0.93,
            DayOfWeek.Wednesday => 0.95,
            DayOfWeek.Thursday => 0.97,
            DayOfWeek.Friday => 1.05,
            DayOfWeek.Saturday => 1.22,
            _ => 1.18,
        };
        return weekday * EventFactor(date);
    }

    private double EventFactor(DateOnly date)
    {
        var k = date.DayNumber - EventDate.DayNumber;
        return k switch
        {
            >= -7 and <= -1 => 1.15 + (0.06 * (k + 7)),
            0 => 3.0,
            1 => 1.6,
            2 => 1.2,
            _ => 1.0,
        };
    }

    private void WriteFeedDay(string feed, int day, DateOnly date)
    {
        var format = FormatFor(feed, day);
        var name = BusinessCalendar.Format(date) + Extension(format);
        var path = Path.Combine(_root, feed, name);
        var tally = _tallies[feed];
        var context = new FeedDay(this, feed, day, date, Prng.For(_options.Seed, feed, day), SchemaOf(feed), tally);
        using (var writer = new LandingFileWriter(path, format, context.Schema))
        {
            context.Writer = writer;
            foreach (var carried in _carry[feed])
            {
                writer.Write(carried);
                tally.DuplicatesAcrossFiles++;
            }

            _carry[feed].Clear();
            GenerateRows(context);
            if (day == 0)
            {
                PlantFirstDay(context);
            }

            foreach (var repeated in context.PendingWithin)
            {
                writer.Write(repeated);
                tally.DuplicatesWithinFile++;
            }

            tally.Rows += writer.Rows;
        }

        tally.Files++;
        _written.Add(feed + "/" + name);
        var formatName = format.ToString().ToLowerInvariant();
        tally.Formats[formatName] = tally.Formats.GetValueOrDefault(formatName) + 1;
        if (format == LandingFormat.CsvGb18030)
        {
            _gb18030Files.Add(feed + "/" + name);
        }

        if (day == _options.Days - 1)
        {
            _carry[feed].Clear();
        }

        if (feed == Feeds.Search && day == ResentDayIndex)
        {
            // The same file delivered again under another name: ingest must skip it by content hash.
            var copyName = BusinessCalendar.Format(date) + ".resend" + Extension(format);
            File.Copy(path, Path.Combine(_root, feed, copyName), overwrite: true);
            _written.Add(feed + "/" + copyName);
            _resent.Add((feed, feed + "/" + name, feed + "/" + copyName, CountDataRows(format, path)));
        }
    }

    private static long CountDataRows(LandingFormat format, string path)
    {
        if (format == LandingFormat.JsonlGz)
        {
            using var gz = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(gz);
            long n = 0;
            while (reader.ReadLine() is not null)
            {
                n++;
            }

            return n;
        }

        var lines = File.ReadLines(path).LongCount();
        return format is LandingFormat.Jsonl ? lines : lines - 1;
    }

    /// <summary>Writes a row, planting a bad row or scheduling duplicates at the configured shares.</summary>
    private void Emit(FeedDay ctx, Row row)
    {
        var rng = ctx.Rng;
        if (rng.Chance(_options.BadRowShare))
        {
            var reasons = ctx.Writer!.Format == LandingFormat.Parquet ? BadRowReasons.ForParquet(ctx.Feed) : BadRowReasons.For(ctx.Feed, !ctx.Writer.IsCsv);
            var reason = reasons[rng.Next(reasons.Count)];
            WriteBad(ctx, row, reason);
            return;
        }

        ctx.Writer!.Write(row);
        ctx.Tally.GoodRows++;
        if (IsEventFeed(ctx.Feed))
        {
            if (rng.Chance(_options.DuplicateShare) || ctx.ForceWithinDuplicate)
            {
                ctx.PendingWithin.Add(row.Clone());
                ctx.ForceWithinDuplicate = false;
            }

            if ((rng.Chance(_options.DuplicateShare) || ctx.ForceAcrossDuplicate) && ctx.Day < _options.Days - 1)
            {
                _carry[ctx.Feed].Add(row.Clone());
                ctx.ForceAcrossDuplicate = false;
            }
        }
    }

    private void WriteBad(FeedDay ctx, Row row, string reason)
    {
        Corrupt(ctx, row, reason);
        ctx.Writer!.Write(row);
        ctx.Tally.AddBad(reason);
    }

    private void Corrupt(FeedDay ctx, Row row, string reason)
    {
        var rng = ctx.Rng;
        switch (reason)
        {
            case QuarantineReasons.InvalidJson:
                var json = LandingFileWriter.ToJson(row);
                var cut = rng.Between(json.Length / 3, json.Length - 2);
                if (char.IsHighSurrogate(json[cut - 1]))
                {
                    cut--;
                }

                row.RawLine = json[..cut];
                break;
            case QuarantineReasons.BadTimestamp when ctx.Writer!.Format == LandingFormat.Parquet:
                // A typed column holds only real instants: the bad one is epoch seconds taken for milliseconds.
                row.Set("ts", DateTimeOffset.FromUnixTimeMilliseconds(rng.Between(1_600_000_000, 1_800_000_000)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case QuarantineReasons.BadTimestamp:
                row.Set("ts", rng.Pick(BadTimestamps));
                break;
            case QuarantineReasons.FutureTimestamp:
                var future = End.AddDays(365).ToDateTime(new TimeOnly(rng.Between(8, 22), rng.Next(60), rng.Next(60)));
                row.Set("ts", new DateTimeOffset(future, TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                break;
            case QuarantineReasons.TextTooLong:
                row.Set("text", string.Concat(Enumerable.Repeat("好看好看真的好看", 1500)));
                break;
            case QuarantineReasons.UnknownAction:
                row.Set("action", rng.Pick(UnknownActions));
                break;
            default:
                if (reason.StartsWith("missing_field:", StringComparison.Ordinal))
                {
                    row.Set(reason["missing_field:".Length..], null);
                }
                else if (reason.StartsWith("bad_number:", StringComparison.Ordinal))
                {
                    // A typed column holds only numbers: the bad one is negative.
                    row.Set(reason["bad_number:".Length..], ctx.Writer!.Format == LandingFormat.Parquet ? rng.Pick(NegativeNumbers) : rng.Pick(BadNumbers));
                }
                else
                {
                    throw new InvalidOperationException("Unknown planted reason " + reason);
                }

                break;
        }
    }

    private static readonly string[] BadTimestamps = ["昨天 14:23", "2026-02-30 10:00:00", "14:23:05", "2026/13/01 08:00", "刚刚", "NaN", "2026-06-31T25:61:00+08:00"];

    private static readonly string[] UnknownActions = ["投币", "dislike", "围观", "report"];

    private static readonly string[] NegativeNumbers = ["-1", "-3", "-12", "-100"];

    private static readonly string[] BadNumbers = ["两次", "N/A", "很多", "--", "1.2.3", "面议", "abc"];

    /// <summary>The first day of every feed holds one bad row of every reason and the showcase text variants.</summary>
    private void PlantFirstDay(FeedDay ctx)
    {
        foreach (var reason in BadRowReasons.For(ctx.Feed, json: true))
        {
            var row = MakeRow(ctx, World.Evergreen[0]);
            WriteBad(ctx, row, reason);
        }

        foreach (var text in ShowcaseTexts(ctx.Feed))
        {
            var row = MakeRow(ctx, World.Chatter);
            var column = ctx.Feed switch
            {
                Feeds.Search => "query",
                Feeds.Comments => "text",
                Feeds.Content or Feeds.Products => "title",
                _ => null,
            };
            if (column is null)
            {
                break;
            }

            row.Set(column, text);
            CountVariants(ctx, text);
            ctx.Writer!.Write(row);
            ctx.Tally.GoodRows++;
        }
    }

    private static IEnumerable<string> ShowcaseTexts(string feed) => feed switch
    {
        Feeds.Search => ["露營裝備推薦", "國風 馬面裙", "ｃｉｔｙｗａｌｋ　穿搭", "多巴胺穿搭\u200b 夏季"],
        Feeds.Comments => ["這條國風馬面裙好有氣質！頭髮怎麼弄的😍", "哈哈哈<br>求链接", "<script>alert(1)</script>好看", "姐妹们冲🔥🔥 &amp; 已下单", "<b>必入</b>露营灯 真的亮"],
        Feeds.Content => ["國風穿搭｜一週不重樣 #國風 #馬面裙", "ｃｉｔｙｗａｌｋ路线分享 #citywalk"],
        Feeds.Products => ["【新款】國風馬面裙女 春秋 復古 通勤 新中式 半身裙", "【２０２６新款】露营帐篷 户外 加厚防雨"],
        _ => [],
    };

    private void CountVariants(FeedDay ctx, string text)
    {
        if (text.Any(c => c is '國' or '營' or '髮' or '風' or '頭' or '裝' or '馬'))
        {
            ctx.Tally.TraditionalRows++;
        }

        if (text.Any(c => c is >= '\uFF01' and <= '\uFF5E'))
        {
            ctx.Tally.FullWidthRows++;
        }

        if (text.Contains('<', StringComparison.Ordinal))
        {
            ctx.Tally.HtmlRows++;
        }
    }

    /// <summary>State of the file being written: its feed, day, random stream and the rows to repeat.</summary>
    private sealed class FeedDay
    {
        public FeedDay(Generator owner, string feed, int day, DateOnly date, Prng rng, FeedSchema schema, FeedTally tally)
        {
            Feed = feed;
            Day = day;
            Date = date;
            Rng = rng;
            Schema = schema;
            Tally = tally;
            Stamp = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            Offset = day - (owner._options.Days - 1);
            ForceWithinDuplicate = day == 0;
            ForceAcrossDuplicate = day == 0;
        }

        public string Feed { get; }

        public int Day { get; }

        public DateOnly Date { get; }

        /// <summary>Days from the end date (0 on the end date, negative before).</summary>
        public int Offset { get; }

        public Prng Rng { get; }

        public FeedSchema Schema { get; }

        public FeedTally Tally { get; }

        public string Stamp { get; }

        public int Sequence { get; set; }

        public LandingFileWriter? Writer { get; set; }

        public List<Row> PendingWithin { get; } = [];

        public bool ForceWithinDuplicate { get; set; }

        public bool ForceAcrossDuplicate { get; set; }

        public string NextId(string prefix, int width)
        {
            Sequence++;
            return prefix + "-" + Stamp + "-" + Sequence.ToString(width == 6 ? "D6" : "D5", CultureInfo.InvariantCulture);
        }
    }
}
