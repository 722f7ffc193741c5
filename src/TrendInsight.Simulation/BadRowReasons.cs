using TrendInsight.Core;

namespace TrendInsight.Simulation;

/// <summary>
/// The quarantine reasons the simulator plants (ingest's own, from <see cref="QuarantineReasons"/>), and which of them
/// each feed gets. Reasons that need a JSON line (malformed JSON, an absent key) go only into JSONL files.
/// </summary>
internal static class BadRowReasons
{
    public const string InvalidJson = QuarantineReasons.InvalidJson;
    public const string BadTimestamp = QuarantineReasons.BadTimestamp;
    public const string FutureTimestamp = QuarantineReasons.FutureTimestamp;
    public const string TextTooLong = QuarantineReasons.TextTooLong;
    public const string UnknownAction = QuarantineReasons.UnknownAction;

    public static string MissingField(string field) => QuarantineReasons.MissingField(field);

    public static string BadNumber(string field) => QuarantineReasons.BadNumber(field);

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
