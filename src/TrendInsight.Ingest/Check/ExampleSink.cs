using TrendInsight.Core;
using TrendInsight.Ingest.Lake;

namespace TrendInsight.Ingest.Check;

/// <summary>The quarantine of a dry run: keeps the first rows of each reason of one file, writes nothing.</summary>
internal sealed class ExampleSink(int perReason) : IQuarantineSink
{
    private const string Got = "; got ";

    public SortedDictionary<string, List<QuarantineExample>> Examples { get; } = new(StringComparer.Ordinal);

    public void Write(string feed, DateOnly dt, string sourceFile, long line, string reason, string? detail, string raw)
    {
        if (!Examples.TryGetValue(reason, out var list))
        {
            Examples[reason] = list = [];
        }

        if (list.Count < perReason)
        {
            var full = detail ?? QuarantineReasons.Expected(reason);
            list.Add(new QuarantineExample(line, FieldOf(reason), ValueOf(detail), ExpectedPart(full), full));
        }
    }

    /// <summary>The part of a detail before what the row had: what was expected.</summary>
    private static string ExpectedPart(string detail)
    {
        var at = detail.LastIndexOf(Got, StringComparison.Ordinal);
        return at < 0 ? detail : detail[..at];
    }

    /// <summary>The field a reason code names: after its colon; <c>ts</c> for timestamps; <c>action</c> for an unknown action.</summary>
    private static string? FieldOf(string reason)
    {
        var colon = reason.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            return reason[(colon + 1)..];
        }

        return reason switch
        {
            QuarantineReasons.BadTimestamp or QuarantineReasons.FutureTimestamp => "ts",
            QuarantineReasons.UnknownAction => "action",
            _ => null,
        };
    }

    /// <summary>What the row had, as the detail quotes it after "; got ", without the quotes.</summary>
    private static string? ValueOf(string? detail)
    {
        var at = detail?.LastIndexOf(Got, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        var value = detail![(at + Got.Length)..];
        return value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' ? value[1..^1] : value;
    }
}
