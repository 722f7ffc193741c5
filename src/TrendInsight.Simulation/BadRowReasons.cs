using TrendInsight.Core;

namespace TrendInsight.Simulation;

/// <summary>
/// The quarantine reasons the simulator plants, spelled as ingest writes them, and which of them
/// each feed gets. Reasons that need a JSON line (malformed JSON, an absent key) go only into JSONL files.
/// </summary>
internal static class BadRowReasons
{
    public const string InvalidJson = "invalid_json";
    public const string BadTimestamp = "bad_timestamp";
    public const string FutureTimestamp = "future_timestamp";
    public const string TextTooLong = "text_too_long";
    public const string UnknownAction = "unknown_action";

    public static string MissingField(string field) => "missing_field:" + field;

    public static string BadNumber(string field) => "bad_number:" + field;

    /// <summary>Reasons planted in a feed's files; <paramref name="json"/> says whether the file is JSONL.</summary>
    public static IReadOnlyList<string> For(string feed, bool json)
    {
        var reasons = new List<string>();
        if (json)
        {
            reasons.Add(InvalidJson);
        }

        switch (feed)
        {
            case Feeds.Search:
                if (json)
                {
                    reasons.Add(MissingField("query"));
                    reasons.Add(MissingField("event_id"));
                }

                reasons.Add(BadNumber("count"));
                break;
            case Feeds.Comments:
                if (json)
                {
                    reasons.Add(MissingField("text"));
                    reasons.Add(MissingField("content_id"));
                }

                reasons.Add(TextTooLong);
                reasons.Add(BadNumber("likes"));
                break;
            case Feeds.Engagement:
                if (json)
                {
                    reasons.Add(MissingField("action"));
                }

                reasons.Add(UnknownAction);
                reasons.Add(BadNumber("count"));
                reasons.Add(BadNumber("gmv"));
                break;
            case Feeds.Content:
                if (json)
                {
                    reasons.Add(MissingField("title"));
                }

                break;
            case Feeds.Products:
                if (json)
                {
                    reasons.Add(MissingField("title"));
                }

                reasons.Add(BadNumber("price"));
                reasons.Add(BadNumber("sales"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(feed), feed, "Unknown feed.");
        }

        reasons.Add(BadTimestamp);
        reasons.Add(FutureTimestamp);
        return reasons;
    }
}
