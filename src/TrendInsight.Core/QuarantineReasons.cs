using System.Globalization;

namespace TrendInsight.Core;

/// <summary>
/// The named reasons ingest quarantines a row for (and the simulator plants), and the reasons it rejects a
/// whole landing file for. Field-specific reasons end in <c>:&lt;field&gt;</c>. The codes are stable (the
/// quarantine's <c>reason</c>); <see cref="Expected(string, string?)"/> says what was expected instead (its <c>detail</c>).
/// The list with their meaning: src/TrendInsight.Ingest/README.md.
/// </summary>
public static class QuarantineReasons
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidEncoding = "invalid_encoding";
    public const string TruncatedGzip = "truncated_gzip";
    public const string BadCsv = "bad_csv";
    public const string ColumnCount = "column_count";
    public const string BadTimestamp = "bad_timestamp";
    public const string FutureTimestamp = "future_timestamp";
    public const string TextTooLong = "text_too_long";
    public const string UnknownAction = "unknown_action";
    public const string LineTooLong = "line_too_long";

    /// <summary>File-level: named <c>*.gz</c> but neither gzip nor text.</summary>
    public const string NotGzip = "not_gzip";

    /// <summary>File-level: binary content in a file that should hold text lines.</summary>
    public const string NotText = "not_text";

    /// <summary>File-level: listed in landing but gone when its turn came.</summary>
    public const string Vanished = "vanished";

    /// <summary>File-level: could not be opened or read to the end (permissions, not a regular file, I/O error).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>File-level: named <c>*.parquet</c> but not a Parquet file, or cut short (no footer).</summary>
    public const string NotParquet = "not_parquet";

    /// <summary>File-level: a Parquet file whose footer reads but a page or row group does not.</summary>
    public const string CorruptParquet = "corrupt_parquet";

    public static string MissingField(string field) => "missing_field:" + field;

    public static string BadType(string field) => "bad_type:" + field;

    public static string BadNumber(string field) => "bad_number:" + field;

    /// <summary>The same contract field twice in one JSON object (or CSV header).</summary>
    public static string DuplicateKey(string field) => "duplicate_key:" + field;

    /// <summary>An id with control characters in it.</summary>
    public static string BadId(string field) => "bad_id:" + field;

    /// <summary>An id longer than <c>ingest.max_id_bytes</c>.</summary>
    public static string IdTooLong(string field) => "id_too_long:" + field;

    /// <summary>File-level: a columnar (Parquet) file without a column the feed requires.</summary>
    public static string MissingColumn(string column) => "missing_column:" + column;

    /// <summary>File-level: a contract column of a type no contract value has (a struct, a map, a list of lists).</summary>
    public static string BadColumn(string column) => "bad_column:" + column;

    /// <summary>What the landing contract expected where a row or file was rejected for <paramref name="reason"/>.</summary>
    public static string Expected(string reason) => Expected(reason, null);

    /// <summary>
    /// What the landing contract expected where a row of <paramref name="feed"/> (when known: then a number's
    /// range is named) or a file was rejected for <paramref name="reason"/>.
    /// </summary>
    public static string Expected(string reason, string? feed)
    {
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? reason : reason[..colon];
        var field = colon < 0 ? string.Empty : reason[(colon + 1)..];
        return code switch
        {
            InvalidJson => "expected one JSON object per line",
            InvalidEncoding => "expected UTF-8 (or a file wholly in GB18030); this line is not valid in the file's encoding",
            TruncatedGzip => "expected a complete gzip file; the last line may be cut",
            BadCsv => "expected RFC 4180 CSV with a readable header and balanced quotes",
            ColumnCount => "expected as many cells as the header has columns",
            BadTimestamp => "expected ISO-8601 with an offset (2026-11-20T10:00:00+08:00), a local time or date read in ingest.time_zone "
                + "(2026-11-20 10:00:00, 2026/11/20), or epoch seconds or milliseconds (1795140000, 1795140000000), after ingest.earliest_year",
            FutureTimestamp => "expected a time no later than now + ingest.future_tolerance_hours",
            TextTooLong => "expected at most ingest.max_text_length characters",
            UnknownAction => "expected one of " + string.Join(", ", Contract.LandingContract.Actions.Select(a => a.Value))
                + " (also read: " + string.Join(", ", Contract.LandingContract.Actions.SelectMany(a => a.Spellings)) + ", and ingest.spellings.action)",
            LineTooLong => "expected a line of at most ingest.max_line_bytes bytes",
            NotGzip => "expected gzip (1f 8b) or plain text in a file named *.gz",
            NotText => "expected text lines (JSONL or CSV)",
            Vanished => "expected the file to stay in landing until ingest has read it",
            Unreadable => "expected a regular file that ingest may read",
            NotParquet => "expected a complete Parquet file (PAR1 at its start and end)",
            CorruptParquet => "expected every row group of the Parquet file to read",
            "missing_column" => $"expected a column {field} in the Parquet file",
            "bad_column" => $"expected column {field} as text, a number, a timestamp or a list of text",
            "missing_field" => $"expected a non-empty {field}",
            "bad_type" => field == "tags" ? "expected tags as a JSON array of strings or \"#a #b\" text" : $"expected {field} as a string or number",
            "bad_number" => NumberExpected(field, feed),
            "duplicate_key" => $"expected {field} once per row",
            "bad_id" => $"expected {field} without control characters",
            "id_too_long" => $"expected {field} of at most ingest.max_id_bytes bytes",
            _ => reason,
        };
    }

    private static string NumberExpected(string field, string? feed)
    {
        var f = feed is null ? null : Contract.LandingContract.For(feed).Field(field);
        return f?.Type switch
        {
            Contract.FieldType.Count => string.Create(CultureInfo.InvariantCulture,
                $"expected {field} as a whole number ≥ {f.Min} (1234, 1,234, 1.2万, 3.5w, 10万+)"),
            Contract.FieldType.Amount => $"expected {field} as an amount ≥ 0 in CNY (1299, ¥1,299.00)",
            _ => $"expected {field} as a number in range",
        };
    }
}
