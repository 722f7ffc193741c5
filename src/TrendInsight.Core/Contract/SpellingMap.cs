using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TrendInsight.Core.Contract;

/// <summary>
/// Reads real-world spellings of segment values and actions as the contract's values: the spellings of
/// <see cref="LandingContract"/> plus those of <c>ingest.spellings</c> (which win), matched after NFKC, with white
/// space dropped and in any case (一线 / 1线 / Tier 1 → <c>1</c>; 男 / Male → <c>m</c>). An age band cut another
/// way (25-30, 18-24岁, 60岁以上) is read as the band it overlaps most when that covers at least half of it
/// (<c>ingest.age_band_cuts: nearest</c>), else it stays outside the contract.
/// </summary>
public sealed partial class SpellingMap
{
    private const string AgeBand = "age_band";
    private const string Action = "action";

    private readonly Dictionary<(string Field, string Key), string> _map = [];
    private readonly bool _nearestAge;

    /// <summary>The contract's spellings and <paramref name="overrides"/> (field → spelling → contract value).</summary>
    public SpellingMap(IReadOnlyDictionary<string, Dictionary<string, string>>? overrides = null, bool nearestAgeBand = true)
    {
        _nearestAge = nearestAgeBand;
        foreach (var d in LandingContract.Segments)
        {
            foreach (var v in d.Values)
            {
                Add(d.Field, v.Value, v.Value);
                foreach (var s in v.Spellings)
                {
                    Add(d.Field, s, v.Value);
                }
            }
        }

        foreach (var d in LandingContract.Segments)
        {
            foreach (var s in LandingContract.UnknownSpellings)
            {
                Add(d.Field, s, LandingContract.Unknown);
            }
        }

        foreach (var a in LandingContract.Actions)
        {
            Add(Action, a.Value, a.Value);
            foreach (var s in a.Spellings)
            {
                Add(Action, s, a.Value);
            }
        }

        foreach (var (field, spellings) in overrides ?? new Dictionary<string, Dictionary<string, string>>())
        {
            foreach (var (spelling, value) in spellings)
            {
                Add(field, spelling, value);
            }
        }
    }

    /// <summary>The fields a spelling may be given for: the segment dimensions and <c>action</c>.</summary>
    public static IReadOnlyList<string> Fields { get; } = [.. LandingContract.Segments.Select(d => d.Field), Action];

    /// <summary>The contract values of <paramref name="field"/> a spelling may map to.</summary>
    public static IReadOnlyList<string> ValuesOf(string field) => field == Action
        ? [.. LandingContract.Actions.Select(a => a.Value)]
        : [.. LandingContract.Segment(field)?.Values.Select(v => v.Value) ?? []];

    /// <summary>The contract's value for <paramref name="text"/> in <paramref name="field"/>, or null when it has none.</summary>
    public string? Lookup(string field, string text)
    {
        var key = Key(text);
        if (_map.TryGetValue((field, key), out var value))
        {
            return value;
        }

        return field == AgeBand && _nearestAge ? NearestBand(key) : null;
    }

    /// <summary>The band an age cut overlaps most, when that covers at least half of the cut; else null.</summary>
    public static string? NearestBand(string text)
    {
        int from, to;
        var m = AgeRange().Match(text);
        if (m.Success)
        {
            from = int.Parse(m.Groups["a"].ValueSpan, CultureInfo.InvariantCulture);
            to = int.Parse(m.Groups["b"].ValueSpan, CultureInfo.InvariantCulture);
        }
        else if ((m = AgeAbove().Match(text)).Success)
        {
            from = int.Parse(m.Groups["a"].ValueSpan, CultureInfo.InvariantCulture);
            to = 120;
        }
        else if ((m = AgeBelow().Match(text)).Success)
        {
            from = 0;
            to = int.Parse(m.Groups["a"].ValueSpan, CultureInfo.InvariantCulture) - 1;
        }
        else
        {
            return null;
        }

        if (from > to || to > 150)
        {
            return null;
        }

        string? best = null;
        var bestOverlap = 0;
        foreach (var band in LandingContract.Segment(AgeBand)!.Values)
        {
            var overlap = Math.Min(to, band.To) - Math.Max(from, band.From) + 1;
            if (overlap > bestOverlap)
            {
                (best, bestOverlap) = (band.Value, overlap);
            }
        }

        return bestOverlap * 2 >= to - from + 1 ? best : null;
    }

    private void Add(string field, string spelling, string value) => _map[(field, Key(spelling))] = value;

    private static string Key(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    [GeneratedRegex(@"^(?<a>[0-9]{1,3})(?:岁)?[-~～至到](?<b>[0-9]{1,3})(?:岁|周岁)?$")]
    private static partial Regex AgeRange();

    [GeneratedRegex(@"^(?:>=?|≥)?(?<a>[0-9]{1,3})(?:\+|岁\+|(?:岁|周岁)?(?:及)?以上)$")]
    private static partial Regex AgeAbove();

    [GeneratedRegex(@"^(?:<(?<a>[0-9]{1,3})|(?<a>[0-9]{1,3})(?:岁|周岁)?以下)$")]
    private static partial Regex AgeBelow();
}
