using System.Globalization;
using TrendInsight.Core;
using TrendInsight.Core.Contract;

namespace TrendInsight.Simulation;

internal sealed partial class Generator
{
    private static readonly string[] AgeBands = ValuesOf("age_band");

    /// <summary>Share of each of <see cref="AgeBands"/> (the contract's order).</summary>
    private static readonly double[] AgeWeights = [0.06, 0.22, 0.30, 0.24, 0.12, 0.06];
    private static readonly string[] Genders = ValuesOf("gender");
    private static readonly string[] CityTiers = ValuesOf("city_tier");

    /// <summary>Share of each of <see cref="CityTiers"/> (the contract's order).</summary>
    private static readonly double[] TierWeights = [0.15, 0.18, 0.22, 0.20, 0.15, 0.10];
    private static readonly string[] OddAges = ["未知", "25-30", "", "unknown"];
    private static readonly string[] OddGenders = ["女", "男", "F", "未知", ""];
    private static readonly string[] OddTiers = ["一线", "新一线", "0", "海外", ""];
    private static readonly string[] Actions = [.. LandingContract.Actions.Select(a => a.Value)];

    /// <summary>Share of each of <see cref="Actions"/> (the contract's order).</summary>
    private static readonly double[] ActionWeights = [0.52, 0.20, 0.05, 0.05, 0.08, 0.07, 0.03];
    private static readonly double[] HourWeights =
        [2, 1.2, 0.8, 0.5, 0.4, 0.5, 1, 2, 3, 3.5, 4, 4, 5, 4.5, 4, 4, 4.2, 4.6, 5.5, 6.5, 7.5, 8.5, 8, 5];

    private static readonly double[] HourCumulative = Cumulative(HourWeights);

    /// <summary>Share of each kind's search volume that shows up in the other feeds.</summary>
    private static double FeedFactor(string feed, SubjectKind kind) => (feed, kind) switch
    {
        (Feeds.Search, _) => 1.0,
        (Feeds.Comments, SubjectKind.Noise) => 0.2,
        (Feeds.Comments, SubjectKind.Chatter) => 1.1,
        (Feeds.Comments, _) => 0.55,
        (Feeds.Engagement, SubjectKind.Noise) => 0.3,
        (Feeds.Engagement, SubjectKind.Chatter) => 1.2,
        (Feeds.Engagement, _) => 0.9,
        (Feeds.Content, SubjectKind.Chatter) => 0.12,
        (Feeds.Content, _) => 0.05,
        (Feeds.Products, SubjectKind.Noise) => 0.4,
        (Feeds.Products, SubjectKind.Chatter) => 0.05,
        (Feeds.Products, _) => 0.03,
        _ => 0,
    };

    private void GenerateRows(FeedDay ctx)
    {
        var rng = ctx.Rng;
        var calendar = CalendarFactor(ctx.Date);
        if (ctx.Feed == Feeds.Content)
        {
            calendar = 1 + ((calendar - 1) * 0.4);
        }

        var scale = _options.Scale;
        var subjects = World.All;
        var counts = new int[subjects.Count];
        var total = 0;
        for (var s = 0; s < subjects.Count; s++)
        {
            var subject = subjects[s];
            var level = ctx.Feed == Feeds.Products ? subject.SupplyLevel(ctx.Offset) : subject.SearchLevel(ctx.Offset);
            if (subject.Kind == SubjectKind.Noise)
            {
                level *= 0.3 + (1.4 * rng.NextDouble());
            }

            counts[s] = rng.Noisy(level * FeedFactor(ctx.Feed, subject.Kind) * calendar * scale);
            total += counts[s];
            if (subject.Kind is SubjectKind.Topic or SubjectKind.Spike)
            {
                if (ctx.Feed == Feeds.Search)
                {
                    _topicSearchRows[subject.Id][ctx.Day] += counts[s];
                }
                else if (ctx.Feed == Feeds.Products)
                {
                    _topicListings[subject.Id][ctx.Day] += counts[s];
                }
            }
        }

        // Interleave subjects the way a real feed mixes them: a shuffled list of subject indices
        // (four bytes a row for one day, so memory does not grow with the number of days).
        var order = new short[total];
        var k = 0;
        for (var s = 0; s < subjects.Count; s++)
        {
            for (var i = 0; i < counts[s]; i++)
            {
                order[k++] = (short)s;
            }
        }

        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        foreach (var s in order)
        {
            Emit(ctx, MakeRow(ctx, subjects[s]));
        }

        var festival = EventFactor(ctx.Date) - 1;
        if (ctx.Feed == Feeds.Search && festival > 0)
        {
            var n = rng.Noisy(250 * festival * scale);
            for (var i = 0; i < n; i++)
            {
                var row = MakeRow(ctx, World.Chatter);
                row.Set("query", rng.Pick(World.EventQueries).Replace("双11", EventName, StringComparison.Ordinal));
                Emit(ctx, row);
            }
        }

        if (ctx.Feed == Feeds.Products && _listings.Count > 0)
        {
            var snapshots = rng.Noisy(150 * calendar * scale);
            for (var i = 0; i < snapshots; i++)
            {
                Emit(ctx, SnapshotRow(ctx, _listings.Pick(rng), festival > 0));
                ctx.Tally.SnapshotRows++;
            }
        }
    }

    private Row MakeRow(FeedDay ctx, Subject subject) => ctx.Feed switch
    {
        Feeds.Search => SearchRow(ctx, subject),
        Feeds.Comments => CommentRow(ctx, subject),
        Feeds.Engagement => EngagementRow(ctx, subject),
        Feeds.Content => ContentRow(ctx, subject),
        Feeds.Products => ProductRow(ctx, subject),
        _ => throw new ArgumentOutOfRangeException(nameof(ctx), ctx.Feed, "Unknown feed."),
    };

    private Row SearchRow(FeedDay ctx, Subject subject)
    {
        var rng = ctx.Rng;
        var row = new Row(ctx.Schema);
        row.Set("event_id", ctx.NextId("s", 6));
        SetTimestamp(ctx, row);
        row.Set("query", Variant(ctx, Texts.Query(rng, subject)));
        if (rng.Chance(0.35))
        {
            var u = rng.NextDouble();
            row.Set("count", (1 + (int)(u * u * u * 20)).ToString(CultureInfo.InvariantCulture), numeric: true);
        }

        SetUser(ctx, row, subject);
        return row;
    }

    private Row CommentRow(FeedDay ctx, Subject subject)
    {
        var rng = ctx.Rng;
        var row = new Row(ctx.Schema);
        row.Set("event_id", ctx.NextId("cm", 6));
        SetTimestamp(ctx, row);
        row.Set("content_id", ContentFor(ctx, subject));
        var text = Texts.Comment(rng, subject);
        if (text.Contains('<', StringComparison.Ordinal))
        {
            ctx.Tally.HtmlRows++;
        }

        row.Set("text", Variant(ctx, text));
        if (rng.Chance(0.8))
        {
            // Heavy tail: half the comments get 0–2 likes, one in a thousand over 2,000.
            var likes = Math.Min(100_000.0, (2.0 / (1.0 - rng.NextDouble())) - 2.0);
            row.Set("likes", ((long)likes).ToString(CultureInfo.InvariantCulture), numeric: true);
        }

        SetUser(ctx, row, subject);
        return row;
    }

    private Row EngagementRow(FeedDay ctx, Subject subject)
    {
        var rng = ctx.Rng;
        var row = new Row(ctx.Schema);
        row.Set("event_id", ctx.NextId("e", 6));
        SetTimestamp(ctx, row);
        row.Set("content_id", ContentFor(ctx, subject));
        var weights = ActionWeights;
        if (EventFactor(ctx.Date) > 1)
        {
            weights = [0.46, 0.18, 0.05, 0.05, 0.08, 0.09, 0.09];
        }

        var action = Actions[PickWeighted(rng, weights)];
        row.Set("action", action);
        long count = action switch
        {
            "play" => 1 + (long)(rng.NextDouble() * rng.NextDouble() * 300),
            "like" => 1 + rng.Next(20),
            "purchase" => 1 + (rng.Chance(0.2) ? 1 : 0),
            _ => 1 + rng.Next(3),
        };
        if (action == "purchase" || rng.Chance(0.8))
        {
            row.Set("count", count.ToString(CultureInfo.InvariantCulture), numeric: true);
        }

        if (action == "purchase")
        {
            var cents = Price(rng, subject) * count;
            row.Set("gmv", Money(cents), numeric: true);
        }

        SetUser(ctx, row, subject);
        return row;
    }

    private Row ContentRow(FeedDay ctx, Subject subject)
    {
        var rng = ctx.Rng;
        var row = new Row(ctx.Schema);
        var id = ctx.NextId("ct", 5);
        row.Set("content_id", id);
        SetTimestamp(ctx, row);
        var tags = Texts.PickTags(rng, subject);
        var title = Texts.ContentTitle(rng, subject) + " " + string.Join(' ', tags.Select(t => "#" + t));
        row.Set("title", Variant(ctx, title));
        row.Tags = tags;
        if (rng.Chance(0.95))
        {
            row.Set("author_id", "a" + rng.Next(30000).ToString(CultureInfo.InvariantCulture));
        }

        row.Set("category", subject.Category);
        row.Set("platform", rng.Pick(World.Platforms));
        _contentPools[subject.Id].Add(id);
        return row;
    }

    private Row ProductRow(FeedDay ctx, Subject subject)
    {
        var rng = ctx.Rng;
        var row = new Row(ctx.Schema);
        var id = ctx.NextId("p", 5);
        var title = Variant(ctx, Texts.ProductTitle(rng, subject));
        var listing = new ProductListing
        {
            ProductId = id,
            Title = title,
            Category = subject.Category,
            ShopId = "shop" + rng.Next(6000).ToString(CultureInfo.InvariantCulture),
            PriceCents = Price(rng, subject),
            Sales = rng.Next(30),
        };
        _listings.Add(listing);
        row.Set("product_id", id);
        SetTimestamp(ctx, row);
        row.Set("title", title);
        row.Set("category", listing.Category);
        row.Set("price", Money(listing.PriceCents), numeric: true);
        row.Set("sales", listing.Sales.ToString(CultureInfo.InvariantCulture), numeric: true);
        row.Set("shop_id", listing.ShopId);
        return row;
    }

    private Row SnapshotRow(FeedDay ctx, ProductListing listing, bool festival)
    {
        var rng = ctx.Rng;
        listing.Sales += rng.Next(festival ? 400 : 60);
        if (festival && rng.Chance(0.5))
        {
            listing.PriceCents = listing.PriceCents * 85 / 100;
        }

        var row = new Row(ctx.Schema);
        row.Set("product_id", listing.ProductId);
        SetTimestamp(ctx, row);
        row.Set("title", listing.Title);
        row.Set("category", listing.Category);
        row.Set("price", Money(listing.PriceCents), numeric: true);
        row.Set("sales", listing.Sales.ToString(CultureInfo.InvariantCulture), numeric: true);
        row.Set("shop_id", listing.ShopId);
        return row;
    }

    private string ContentFor(FeedDay ctx, Subject subject)
    {
        var pool = _contentPools[subject.Id];
        if (pool.Count == 0)
        {
            pool = _contentPools[World.Chatter.Id];
        }

        return pool.Count > 0
            ? pool.Pick(ctx.Rng)
            : "ct-" + ctx.Stamp + "-x" + ctx.Rng.Next(1000).ToString("D3", CultureInfo.InvariantCulture);
    }

    /// <summary>Some rows arrive in traditional characters or full-width Latin; counted for the ground truth.</summary>
    private string Variant(FeedDay ctx, string text)
    {
        var rng = ctx.Rng;
        if (rng.Chance(0.03) && TextVariants.HasConvertible(text))
        {
            ctx.Tally.TraditionalRows++;
            return TextVariants.ToTraditional(text);
        }

        if (rng.Chance(0.015) && TextVariants.HasAscii(text) && ctx.Writer!.Format != LandingFormat.CsvGb18030)
        {
            ctx.Tally.FullWidthRows++;
            return TextVariants.ToFullWidth(text);
        }

        return text;
    }

    private void SetTimestamp(FeedDay ctx, Row row)
    {
        var rng = ctx.Rng;
        var hour = PickCumulative(rng, HourCumulative);
        var local = ctx.Date.ToDateTime(new TimeOnly(hour, rng.Next(60), rng.Next(60), rng.Next(1000)));
        var instant = new DateTimeOffset(local, TimeSpan.FromHours(8));
        var u = rng.NextDouble();
        if (u < 0.6)
        {
            row.Set("ts", instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }
        else if (u < 0.7)
        {
            row.Set("ts", instant.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        }
        else if (u < 0.8)
        {
            row.Set("ts", instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else if (u < 0.9)
        {
            row.Set("ts", instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), numeric: true);
        }
        else
        {
            // No offset: Asia/Shanghai wall-clock time, as the contract reads it.
            row.Set("ts", local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        }
    }

    private static void SetUser(FeedDay ctx, Row row, Subject subject)
    {
        var rng = ctx.Rng;
        if (rng.Chance(0.9))
        {
            row.Set("user_id", "u" + rng.Next(400000).ToString(CultureInfo.InvariantCulture));
        }

        row.Set("platform", rng.Pick(World.Platforms));
        if (rng.Chance(0.05))
        {
            return;
        }

        if (subject.Skew is { } skew && rng.Chance(skew.Share))
        {
            row.Set("age_band", skew.AgeBand).Set("gender", skew.Gender).Set("city_tier", skew.CityTier);
            return;
        }

        if (rng.Chance(0.015))
        {
            row.Set("age_band", rng.Pick(OddAges)).Set("gender", rng.Pick(OddGenders)).Set("city_tier", rng.Pick(OddTiers));
            return;
        }

        row.Set("age_band", AgeBands[PickWeighted(rng, AgeWeights)]);
        row.Set("gender", rng.Chance(0.62) ? Genders[0] : Genders[1]);
        row.Set("city_tier", CityTiers[PickWeighted(rng, TierWeights)]);
    }

    private static string[] ValuesOf(string field) => [.. LandingContract.Segment(field)!.Values.Select(v => v.Value)];

    private static long Price(Prng rng, Subject subject)
    {
        long yuan = rng.Between(subject.MinPriceYuan, subject.MaxPriceYuan);
        int[] endings = [0, 0, 90, 99, 80];
        return (yuan * 100) + endings[rng.Next(endings.Length)];
    }

    private static string Money(long cents) =>
        (cents / 100).ToString(CultureInfo.InvariantCulture) + "." + (cents % 100).ToString("D2", CultureInfo.InvariantCulture);

    private static int PickWeighted(Prng rng, double[] weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = rng.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static int PickCumulative(Prng rng, double[] cumulative)
    {
        var x = rng.NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (x < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    private static double[] Cumulative(double[] weights)
    {
        var result = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }

        return result;
    }
}
