using System.Text;

namespace TrendInsight.Core.Contract;

/// <summary>
/// The tables of docs/landing-contract.md, written from <see cref="LandingContract"/>: a test checks that the
/// document holds exactly these (and <c>make contract-doc</c> rewrites them).
/// </summary>
public static class ContractDoc
{
    /// <summary>Marks the start of the generated part of the document.</summary>
    public const string Begin = "<!-- generated from LandingContract: make contract-doc -->";

    /// <summary>Marks its end.</summary>
    public const string End = "<!-- end of generated part -->";

    /// <summary>The generated Markdown, between <see cref="Begin"/> and <see cref="End"/> (both included).</summary>
    public static string Tables()
    {
        var md = new StringBuilder();
        md.Append(Begin).Append('\n');
        foreach (var feed in LandingContract.Feeds)
        {
            md.Append('\n').Append("### `").Append(feed.Feed).Append("` — key `").Append(feed.Key).Append('`')
                .Append(feed.LatestWins ? ", the latest `ts` per key wins" : ", the first delivery of a key wins").Append("\n\n");
            md.Append("| field | type | required | meaning |\n|---|---|---|---|\n");
            foreach (var f in feed.Fields)
            {
                md.Append("| `").Append(f.Name).Append("` | ").Append(TypeText(f)).Append(" | ").Append(f.Required ? "yes" : "no")
                    .Append(" | ").Append(Escape(f.Meaning)).Append(" |\n");
            }

            md.Append("\nCSV header: `").AppendJoin(",", feed.Fields.Select(f => f.Name)).Append("`\n");
        }

        md.Append("\n### Actions (`engagement.action`)\n\n| action | counts toward | also read |\n|---|---|---|\n");
        foreach (var a in LandingContract.Actions)
        {
            md.Append("| `").Append(a.Value).Append("` | ").Append(a.Measure is null ? "—" : "`" + a.Measure + "`").Append(" | ")
                .AppendJoin(", ", a.Spellings).Append(" |\n");
        }

        md.Append("\nEngagement units: `").Append(ContractSql.EngagementUnitsExpression(m => m)).Append("`\n");
        foreach (var d in LandingContract.Segments)
        {
            md.Append("\n### Segment `").Append(d.Field).Append("` (").Append(d.Label).Append(")\n\n| value | report label | also read |\n|---|---|---|\n");
            foreach (var v in d.Values)
            {
                md.Append("| `").Append(v.Value).Append("` | ").Append(v.Label).Append(" | ").AppendJoin(", ", v.Spellings.Select(Escape)).Append(" |\n");
            }

            md.Append("| `").Append(LandingContract.Unknown).Append("` | ").Append(LandingContract.UnknownLabel)
                .Append(" | missing, empty, ").AppendJoin(", ", LandingContract.UnknownSpellings.Select(Escape))
                .Append("; any other value too, and then counted per value |\n");
        }

        md.Append('\n').Append(End).Append('\n');
        return md.ToString();
    }

    private static string TypeText(ContractField f) => f.Type switch
    {
        FieldType.Id => "id",
        FieldType.Timestamp => "timestamp",
        FieldType.Text => "text",
        FieldType.Count => f.Default is { } d ? $"count ≥ {f.Min}, default {d}" : $"count ≥ {f.Min}",
        FieldType.Amount => "amount (CNY)",
        FieldType.Action => "action",
        FieldType.Tags => "tags",
        FieldType.Label => "label",
        FieldType.Segment => "segment",
        _ => f.Type.ToString(),
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
