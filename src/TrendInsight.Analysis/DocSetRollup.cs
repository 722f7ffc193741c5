using DuckDB.NET.Data;
using TrendInsight.Core.Contract;
using TrendInsight.DuckDb;

namespace TrendInsight.Analysis;

/// <summary>
/// The <c>doc_sets</c> rollup of one day (pipelines/README.md): the day's documents grouped by source,
/// category and their set of terms, with what the topic models sum over them — counts and engagement
/// (<c>doc_sets</c>), activity units by segment (<c>doc_set_segments</c>) and the comments and content with
/// their engagement (<c>doc_set_items</c>). A topic's documents of a day are those of the sets that hold one
/// of its terms, each counted once however many of its terms it holds, so topics are computed from these
/// small tables instead of every term of every document.
/// </summary>
internal sealed class DocSetRollup
{
    /// <summary>Joins the sorted terms of a set into one key (a character no term holds).</summary>
    private const char Separator = '\u001f';

    private static readonly string[] Dimensions = [.. LandingContract.Segments.Select(d => d.Field)];

    /// <summary>
    /// The contract's segment values and <c>unknown</c> (<see cref="LandingContract.Segments"/>), one <c>doc_sets</c>
    /// column each in this order (<c>age_lt18</c> … <c>tier_unknown</c>); any other value goes to <c>doc_set_segments</c>.
    /// </summary>
    private static readonly string[][] Values =
        [.. LandingContract.Segments.Select(d => d.Values.Select(v => v.Value).Append(LandingContract.Unknown).ToArray())];

    /// <summary>The statements that add the segment columns (in <see cref="Values"/> order) to <c>doc_sets_day</c> and <c>doc_sets</c>.</summary>
    public static string SegmentColumnsDdl()
    {
        var columns = LandingContract.Segments.SelectMany(d => d.Values.Select(v => v.Column).Append(d.UnknownColumn)).ToList();
        return string.Concat(new[] { "doc_sets_day", "doc_sets" }.SelectMany(table =>
            columns.Select(c => $"ALTER TABLE {table} ADD COLUMN \"{c}\" DOUBLE;\n")));
    }

    private static readonly int SegmentColumns = Values.Sum(v => v.Length);

    private readonly Dictionary<(string Source, string? Category, string Terms), Set> _sets = [];

    /// <summary>Sets held.</summary>
    public int Count => _sets.Count;

    /// <summary>Forgets every set (before the next day).</summary>
    public void Clear() => _sets.Clear();

    /// <summary>Adds one document (one search query and segment, comment, piece of content, listing, or content and segment engaged with) with its distinct terms, sorted ordinally.</summary>
    public void Add(
        string source,
        string docId,
        string? category,
        string ageBand,
        string gender,
        string cityTier,
        long mentions,
        long plays,
        long likes,
        long shares,
        long purchases,
        decimal gmv,
        IReadOnlyList<string> sortedTerms)
    {
        if (sortedTerms.Count == 0)
        {
            return;
        }

        var key = (source, category, string.Join(Separator, sortedTerms));
        if (!_sets.TryGetValue(key, out var set))
        {
            _sets[key] = set = new Set([.. sortedTerms]);
        }

        set.Docs++;
        set.Mentions += mentions;
        set.Plays += plays;
        set.Likes += likes;
        set.Shares += shares;
        set.Purchases += purchases;
        set.Gmv += gmv;

        double? units = source switch
        {
            "search" => mentions,
            "comment" => 1.0,
            "engagement" => LandingContract.EngagementUnits(plays, likes, shares, purchases),
            _ => null,
        };
        if (units is { } u)
        {
            string[] values = [ageBand, gender, cityTier];
            var first = 0;
            for (var d = 0; d < Dimensions.Length; d++)
            {
                var k = Array.IndexOf(Values[d], values[d]);
                if (k >= 0)
                {
                    set.Segments[first + k] = set.Segments[first + k].GetValueOrDefault() + u;
                }
                else
                {
                    var segment = (Dimensions[d], values[d]);
                    set.OtherSegments[segment] = set.OtherSegments.GetValueOrDefault(segment) + u;
                }

                first += Values[d].Length;
            }
        }

        if (source is "comment" or "content" or "engagement")
        {
            var item = set.Items.GetValueOrDefault(docId);
            set.Items[docId] = (item.Plays + plays, item.Likes + likes, item.Shares + shares, item.Purchases + purchases);
        }
    }

    /// <summary>
    /// Appends the sets to <c>doc_sets_day</c>, <c>doc_set_segments_day</c> and <c>doc_set_items_day</c>,
    /// numbered 1… in the order of source, category and terms.
    /// </summary>
    public void AppendTo(DuckDBConnection conn)
    {
        var ordered = new KeyValuePair<(string Source, string? Category, string Terms), Set>[_sets.Count];
        ((ICollection<KeyValuePair<(string, string?, string), Set>>)_sets).CopyTo(ordered, 0);
        Array.Sort(ordered, static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Key.Source, b.Key.Source);
            c = c != 0 ? c : string.CompareOrdinal(a.Key.Category, b.Key.Category);
            return c != 0 ? c : string.CompareOrdinal(a.Key.Terms, b.Key.Terms);
        });

        using (var sets = conn.CreateAppender("doc_sets_day"))
        {
            for (var i = 0; i < ordered.Length; i++)
            {
                var (source, category, _) = ordered[i].Key;
                var set = ordered[i].Value;
                var row = sets.CreateRow().AppendValue(i + 1).AppendValue(source).AppendValue(category).AppendValue(set.Terms)
                    .AppendValue(set.Docs).AppendValue(set.Mentions).AppendValue(set.Plays).AppendValue(set.Likes).AppendValue(set.Shares)
                    .AppendValue(set.Purchases).AppendValue(set.Gmv);
                foreach (var units in set.Segments)
                {
                    row = row.AppendValue(units);
                }

                row.EndRow();
            }
        }

        using (var segments = conn.CreateAppender("doc_set_segments_day"))
        {
            for (var i = 0; i < ordered.Length; i++)
            {
                foreach (var ((dimension, value), units) in ordered[i].Value.OtherSegments)
                {
                    segments.CreateRow().AppendValue(i + 1).AppendValue(dimension).AppendValue(value).AppendValue(units).EndRow();
                }
            }
        }

        using var items = conn.CreateAppender("doc_set_items_day");
        for (var i = 0; i < ordered.Length; i++)
        {
            foreach (var (id, e) in ordered[i].Value.Items)
            {
                items.CreateRow().AppendValue(i + 1).AppendValue(id).AppendValue(e.Plays).AppendValue(e.Likes).AppendValue(e.Shares).AppendValue(e.Purchases).EndRow();
            }
        }
    }

    private sealed class Set(string[] terms)
    {
        public string[] Terms { get; } = terms;
        public long Docs { get; set; }
        public long Mentions { get; set; }
        public long Plays { get; set; }
        public long Likes { get; set; }
        public long Shares { get; set; }
        public long Purchases { get; set; }
        public decimal Gmv { get; set; }
        /// <summary>Units by contract segment value (NULL: no document of the set has it).</summary>
        public double?[] Segments { get; } = new double?[SegmentColumns];

        public Dictionary<(string Dimension, string Value), double> OtherSegments { get; } = [];
        public Dictionary<string, (long Plays, long Likes, long Shares, long Purchases)> Items { get; } = new(StringComparer.Ordinal);
    }
}
