namespace TrendInsight.Core.Config;

/// <summary>The <c>report:</c> section of <c>pipelines/trendinsight.yaml</c>: what the merchandiser's report shows.</summary>
public sealed class ReportConfig
{
    /// <summary>Formats written when none are asked for: html, xlsx, md.</summary>
    public List<string> Formats { get; set; } = ["html", "xlsx", "md"];

    /// <summary>Rising topics in the table and as cards.</summary>
    public int TopTopics { get; set; } = 10;

    /// <summary>Declining topics listed.</summary>
    public int DecliningTopics { get; set; } = 5;

    /// <summary>Days of history in each topic's interest chart and sparkline.</summary>
    public int SeriesDays { get; set; } = 56;

    /// <summary>Related terms shown per topic.</summary>
    public int RelatedTerms { get; set; } = 12;

    /// <summary>Evidence comments shown per topic (3–5 reads well).</summary>
    public int EvidenceComments { get; set; } = 5;

    /// <summary>Top content items shown per topic.</summary>
    public int TopContent { get; set; } = 3;

    /// <summary>Breakout terms and newly discovered words listed.</summary>
    public int Breakouts { get; set; } = 15;

    /// <summary>Rows of the XLSX terms sheet.</summary>
    public int TermRows { get; set; } = 500;

    internal void Validate(List<string> errors)
    {
        string[] known = ["html", "xlsx", "md"];
        foreach (var format in Formats.Where(f => !known.Contains(f, StringComparer.Ordinal)))
        {
            errors.Add($"report.formats: unknown format '{format}' (html, xlsx, md)");
        }

        Positive(errors, "report.top_topics", TopTopics);
        Positive(errors, "report.series_days", SeriesDays);
        NotNegative(errors, "report.declining_topics", DecliningTopics);
        NotNegative(errors, "report.related_terms", RelatedTerms);
        NotNegative(errors, "report.evidence_comments", EvidenceComments);
        NotNegative(errors, "report.top_content", TopContent);
        NotNegative(errors, "report.breakouts", Breakouts);
        NotNegative(errors, "report.term_rows", TermRows);
    }

    private static void Positive(List<string> errors, string key, int value)
    {
        if (value <= 0)
        {
            errors.Add($"{key} must be positive (got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
    }

    private static void NotNegative(List<string> errors, string key, int value)
    {
        if (value < 0)
        {
            errors.Add($"{key} must be 0 or more (got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
        }
    }
}
