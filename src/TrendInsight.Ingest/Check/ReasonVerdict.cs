namespace TrendInsight.Ingest.Check;

/// <summary>The rows of one file that ingest would quarantine for one reason, with the first few of them.</summary>
/// <param name="Reason">The quarantine reason code (<c>bad_timestamp</c>, <c>missing_field:ts</c>, …).</param>
/// <param name="Rows">How many rows.</param>
/// <param name="Examples">The first rows, in file order.</param>
public sealed record ReasonVerdict(string Reason, long Rows, IReadOnlyList<QuarantineExample> Examples);
