using TrendInsight.Core;

namespace TrendInsight.Simulation;

/// <summary>
/// The quarantine reasons the simulator plants (ingest's own, from <see cref="QuarantineReasons"/>), and which of them
/// each feed gets. Reasons that need a JSON line (malformed JSON, an absent key) go only into JSONL files.
/// </summary>
internal static class BadRowReasons
{
    /// <summary>Reasons planted in a feed's Parquet files: a null for a missing field, no malformed JSON.</summary>
    public static IReadOnlyList<string> ForParquet(string feed) => [.. For(feed, json: true).Where(r => r != QuarantineReasons.InvalidJson)];

    /// <summary>Reasons planted in a feed's files; <paramref name="json"/> says whether the file is JSONL.</summary>
    public static IReadOnlyList<string> For(string feed, bool json)
    {
        var reasons = new List<string>();
        if (json)
        {
            reasons.Add(QuarantineReasons.InvalidJson);
        }

        switch (feed)
        {
            case Feeds.Search:
                if (json)
                {
                    reasons.Add(QuarantineReasons.MissingField("query"));
                    reasons.Add(QuarantineReasons.MissingField("event_id"));
                }

                reasons.Add(QuarantineReasons.BadNumber("count"));
                break;
            case Feeds.Comments:
                if (json)
                {
                    reasons.Add(QuarantineReasons.MissingField("text"));
                    reasons.Add(QuarantineReasons.MissingField("content_id"));
                }

                reasons.Add(QuarantineReasons.TextTooLong);
                reasons.Add(QuarantineReasons.BadNumber("likes"));
                break;
            case Feeds.Engagement:
                if (json)
                {
                    reasons.Add(QuarantineReasons.MissingField("action"));
                }

                reasons.Add(QuarantineReasons.UnknownAction);
                reasons.Add(QuarantineReasons.BadNumber("count"));
                reasons.Add(QuarantineReasons.BadNumber("gmv"));
                break;
            case Feeds.Content:
                if (json)
                {
                    reasons.Add(QuarantineReasons.MissingField("title"));
                }

                break;
            case Feeds.Products:
                if (json)
                {
                    reasons.Add(QuarantineReasons.MissingField("title"));
                }

                reasons.Add(QuarantineReasons.BadNumber("price"));
                reasons.Add(QuarantineReasons.BadNumber("sales"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(feed), feed, "Unknown feed.");
        }

        reasons.Add(QuarantineReasons.BadTimestamp);
        reasons.Add(QuarantineReasons.FutureTimestamp);
        return reasons;
    }
}
