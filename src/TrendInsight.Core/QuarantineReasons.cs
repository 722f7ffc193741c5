namespace TrendInsight.Core;

/// <summary>
/// The named reasons ingest quarantines a row for (and the simulator plants). Field-specific reasons end
/// in <c>:&lt;field&gt;</c>. The list with their meaning: src/TrendInsight.Ingest/README.md.
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

    public static string MissingField(string field) => "missing_field:" + field;

    public static string BadType(string field) => "bad_type:" + field;

    public static string BadNumber(string field) => "bad_number:" + field;
}
