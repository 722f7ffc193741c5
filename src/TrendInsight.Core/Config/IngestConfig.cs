using System.Globalization;

namespace TrendInsight.Core.Config;

/// <summary>The <c>ingest:</c> section of <c>pipelines/trendinsight.yaml</c>.</summary>
public sealed class IngestConfig
{
    /// <summary>DuckDB memory limit while ingesting (staging, dedup, Parquet writing), e.g. <c>1GB</c>.</summary>
    public string MemoryLimit { get; set; } = "1GB";

    /// <summary>Longest text (query, comment, title) in characters; longer rows are quarantined as <c>text_too_long</c>.</summary>
    public int MaxTextLength { get; set; } = 10_000;

    /// <summary>
    /// Longest landing line (a CSV record: all its lines) in bytes, after gzip. A longer one is quarantined as
    /// <c>line_too_long</c> with its first bytes; it is cut while it is read, never held whole.
    /// </summary>
    public int MaxLineBytes { get; set; } = 1 << 20;

    /// <summary>Longest id (event_id, content_id, product_id, user_id, author_id, shop_id) in UTF-8 bytes; longer → <c>id_too_long:&lt;f&gt;</c>.</summary>
    public int MaxIdBytes { get; set; } = 256;

    /// <summary>How far in the future a timestamp may lie before the row is quarantined as <c>future_timestamp</c>.</summary>
    public double FutureToleranceHours { get; set; } = 24;

    /// <summary>Earliest plausible year of a timestamp; anything before is <c>bad_timestamp</c> (catches epoch seconds sent as milliseconds).</summary>
    public int EarliestYear { get; set; } = 2000;

    /// <summary>The time zone a landing timestamp without an offset (<c>2026-11-20 11:00:00</c>) is read in.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>
    /// An age band cut another way than the contract's (25-30, 18-24岁): <c>nearest</c> reads it as the band it
    /// overlaps most (when that covers at least half of it), <c>unknown</c> keeps it outside the contract. Either way
    /// a value left outside is counted per feed and value.
    /// </summary>
    public string AgeBandCuts { get; set; } = "nearest";

    /// <summary>
    /// Extra spellings per field (<c>age_band</c>, <c>gender</c>, <c>city_tier</c>, <c>action</c>): spelling → contract
    /// value. They add to (and win over) the contract's own, listed in docs/landing-contract.md.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Spellings { get; set; } = [];

    /// <summary>The time zone of <see cref="TimeZone"/>.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Seconds a second ingest waits for the running one to finish before giving up with a clear message (0 = give up at once).</summary>
    public int LockWaitSeconds { get; set; }

    /// <summary>
    /// Landing file name patterns that are read, each matched inside <c>landing/&lt;feed&gt;/</c> only:
    /// a file name with <c>*</c> and <c>?</c>, never a folder, <c>..</c> or an absolute path.
    /// </summary>
    public List<string> Patterns { get; set; } = ["*.jsonl", "*.jsonl.gz", "*.csv", "*.parquet"];

    /// <summary>
    /// Read landing files and feed folders that are symbolic links. Off by default: a link is not
    /// followed but reported with its path, so that a link to a file outside the data folder (say
    /// <c>/etc/shadow</c>) never reaches the lake or quarantine.
    /// </summary>
    public bool FollowSymlinks { get; set; }

    /// <summary>Why <paramref name="pattern"/> is not a file name pattern, or null when it is one.</summary>
    public static string? PatternProblem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "is empty";
        }

        if (Path.IsPathRooted(pattern) || pattern.Contains('/', StringComparison.Ordinal) || pattern.Contains('\\', StringComparison.Ordinal))
        {
            return "names a folder or an absolute path; patterns match file names inside landing/<feed>/ only, e.g. *.jsonl";
        }

        if (pattern.Contains("..", StringComparison.Ordinal))
        {
            return "contains '..'; patterns match file names inside landing/<feed>/ only, e.g. *.jsonl";
        }

        return null;
    }

    internal void Validate(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(MemoryLimit))
        {
            errors.Add("ingest.memory_limit must not be empty (e.g. 1GB)");
        }

        if (MaxTextLength < 1)
        {
            errors.Add("ingest.max_text_length must be positive");
        }

        if (MaxLineBytes is < 1024 or > (1 << 30))
        {
            errors.Add("ingest.max_line_bytes must be between 1024 and 1073741824");
        }

        if (MaxIdBytes is < 1 or > 65536)
        {
            errors.Add("ingest.max_id_bytes must be between 1 and 65536");
        }

        if (FutureToleranceHours < 0)
        {
            errors.Add("ingest.future_tolerance_hours must be zero or positive");
        }

        if (EarliestYear is < 1971 or > 9999)
        {
            errors.Add("ingest.earliest_year must be between 1971 and 9999");
        }

        if (LockWaitSeconds < 0)
        {
            errors.Add("ingest.lock_wait_seconds must be zero or positive");
        }

        if (TimeZones.Find(TimeZone) is null)
        {
            errors.Add($"ingest.time_zone: unknown time zone '{TimeZone}' (e.g. Asia/Shanghai)");
        }

        if (AgeBandCuts is not ("nearest" or "unknown"))
        {
            errors.Add($"ingest.age_band_cuts: '{AgeBandCuts}' is neither nearest nor unknown");
        }

        foreach (var (field, spellings) in Spellings)
        {
            if (!Contract.SpellingMap.Fields.Contains(field, StringComparer.Ordinal))
            {
                errors.Add($"ingest.spellings.{field}: unknown field; spellings are given for {string.Join(", ", Contract.SpellingMap.Fields)}");
                continue;
            }

            var allowed = Contract.SpellingMap.ValuesOf(field);
            foreach (var (spelling, value) in spellings)
            {
                if (!allowed.Contains(value, StringComparer.Ordinal))
                {
                    errors.Add($"ingest.spellings.{field}: '{spelling}' maps to '{value}', which is not one of {string.Join(", ", allowed)}");
                }
            }
        }

        if (Patterns.Count == 0)
        {
            errors.Add("ingest.patterns must name at least one pattern");
        }

        for (var i = 0; i < Patterns.Count; i++)
        {
            if (PatternProblem(Patterns[i]) is { } problem)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"ingest.patterns[{i}] '{Patterns[i]}' {problem}"));
            }
        }
    }
}
