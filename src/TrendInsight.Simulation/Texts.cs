using System.Text;

namespace TrendInsight.Simulation;

/// <summary>Builds queries, comments, content titles and listing titles the way people and shops write them.</summary>
internal static class Texts
{
    private static readonly string[] GeneralModifiers = ["推荐", "平价", "怎么搭", "2026新款", "同款", "女", "男", "学生党", "小个子"];
    private static readonly string[] Joiners = ["，", " ", "", "！", "~"];
    private static readonly string[] TitleEndings = ["", "！", "~", "！！"];

    public static string Query(Prng rng, Subject subject)
    {
        if (subject.Kind == SubjectKind.Chatter || (subject.Queries.Length > 0 && rng.Chance(0.55)))
        {
            return rng.Pick(subject.Queries);
        }

        var term = PickTerm(rng, subject);

        // people name a trend by two of its words at once (焦糖色 灯芯绒, 美拉德 麂皮绒), which is how
        // the words of one trend are known to belong together
        if (subject.Kind == SubjectKind.Topic && subject.Terms.Length > 1 && rng.Chance(0.15))
        {
            term = TwoTerms(rng, subject);
        }

        var modifiers = subject.QueryModifiers.Length > 0 ? subject.QueryModifiers : GeneralModifiers;
        var query = rng.Chance(0.7) ? term + " " + rng.Pick(modifiers) : term + rng.Pick(modifiers);
        if (subject.Kind == SubjectKind.Topic && rng.Chance(0.1))
        {
            query = rng.Pick(World.Crowds) + " " + query;
        }

        return query;
    }

    public static string Comment(Prng rng, Subject subject)
    {
        var parts = new List<string>(3);
        if (rng.Chance(0.1))
        {
            parts.Add(rng.Chance(0.5) ? "哈哈哈" : "哈哈哈哈哈哈");
        }

        if (subject.CommentLines.Length > 0 && rng.Chance(0.8))
        {
            var term = subject.Kind == SubjectKind.Topic && subject.Terms.Length > 1 && rng.Chance(0.1) ? TwoTerms(rng, subject) : PickTerm(rng, subject);
            parts.Add(rng.Pick(subject.CommentLines).Replace("{t}", term, StringComparison.Ordinal));
        }
        else
        {
            parts.Add(rng.Pick(World.ChatterLines));
        }

        if (rng.Chance(0.35))
        {
            parts.Add(rng.Pick(World.ChatterLines));
        }

        var joiner = rng.Chance(0.04) ? "<br>" : rng.Pick(Joiners);
        var sb = new StringBuilder(string.Join(joiner, parts));
        if (rng.Chance(0.6))
        {
            var n = rng.Between(1, 3);
            var emoji = rng.Pick(World.Emoji);
            for (var i = 0; i < n; i++)
            {
                sb.Append(emoji);
            }
        }

        var text = sb.ToString();
        if (rng.Chance(0.003))
        {
            text = "<b>" + text + "</b>";
        }
        else if (rng.Chance(0.0005))
        {
            text += "<script>alert(1)</script>";
        }
        else if (rng.Chance(0.002))
        {
            text += " &amp; 已三连";
        }

        return text;
    }

    public static string[] PickTags(Prng rng, Subject subject)
    {
        if (subject.Tags.Length == 0)
        {
            return [];
        }

        var count = Math.Min(subject.Tags.Length, rng.Between(1, 3));
        var tags = new List<string>(count);
        if (rng.Chance(0.7))
        {
            tags.Add(subject.Tags[0]);
        }

        var guard = 0;
        while (tags.Count < count && guard++ < 10)
        {
            var tag = rng.Pick(subject.Tags);
            if (!tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }

        return [.. tags];
    }

    public static string ContentTitle(Prng rng, Subject subject)
    {
        var title = subject.Kind == SubjectKind.Topic && subject.Terms.Length > 1 && rng.Chance(0.2)
            ? TwoTerms(rng, subject) + rng.Pick(TitleEndings)
            : rng.Pick(subject.Titles);
        return rng.Chance(0.4) ? title + rng.Pick(World.Emoji) : title;
    }

    public static string ProductTitle(Prng rng, Subject subject)
    {
        var sb = new StringBuilder(64);
        if (rng.Chance(0.7))
        {
            sb.Append('【').Append(rng.Pick(World.Promotions)).Append('】');
        }

        sb.Append(rng.Pick(subject.Products));
        if (subject.Attributes.Length > 0)
        {
            var first = rng.Pick(subject.Attributes);
            var second = rng.Pick(subject.Attributes);
            sb.Append(' ').Append(first);
            if (!string.Equals(first, second, StringComparison.Ordinal))
            {
                sb.Append(' ').Append(second);
            }
        }

        if (rng.Chance(0.6))
        {
            sb.Append(' ').Append(rng.Pick(World.Seasons));
        }

        if (rng.Chance(0.3))
        {
            sb.Append(' ').Append(rng.Pick(World.Crowds));
        }

        return sb.ToString();
    }

    /// <summary>The core term or another, with a second, different word of the same subject.</summary>
    private static string TwoTerms(Prng rng, Subject subject)
    {
        var first = PickTerm(rng, subject);
        var second = rng.Pick(subject.Terms);
        for (var guard = 0; string.Equals(first, second, StringComparison.Ordinal) && guard < 5; guard++)
        {
            second = rng.Pick(subject.Terms);
        }

        return string.Equals(first, second, StringComparison.Ordinal) ? first : first + (rng.Chance(0.5) ? " " : string.Empty) + second;
    }

    private static string PickTerm(Prng rng, Subject subject) =>
        subject.Terms.Length == 0 ? string.Empty : rng.Chance(0.5) ? subject.Terms[0] : rng.Pick(subject.Terms);
}
