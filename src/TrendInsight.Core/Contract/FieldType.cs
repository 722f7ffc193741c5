namespace TrendInsight.Core.Contract;

/// <summary>What a landing field holds, which decides how it is read and which lake columns it becomes.</summary>
public enum FieldType
{
    /// <summary>An id: a non-blank string or a whole number, no control characters, at most <c>ingest.max_id_bytes</c>.</summary>
    Id,

    /// <summary>An instant: ISO-8601 with or without an offset, a date, or epoch seconds or milliseconds.</summary>
    Timestamp,

    /// <summary>Free text that is segmented; the lake keeps it and its normalised form (<c>&lt;name&gt;_norm</c>).</summary>
    Text,

    /// <summary>A whole number (1,234 / 1.2万 / 3.5w / 10万+ accepted).</summary>
    Count,

    /// <summary>An amount in CNY (¥ and thousands separators accepted), kept to cents.</summary>
    Amount,

    /// <summary>One of the engagement actions (<see cref="LandingContract.Actions"/>).</summary>
    Action,

    /// <summary>A list of tags: a JSON array or "#a #b" text; the lake keeps them and their normalised forms.</summary>
    Tags,

    /// <summary>A short free label (platform, category), kept as delivered (trimmed).</summary>
    Label,

    /// <summary>A segment value (<see cref="LandingContract.Segments"/>); a value outside the contract is kept as <c>unknown</c> and counted.</summary>
    Segment,
}
