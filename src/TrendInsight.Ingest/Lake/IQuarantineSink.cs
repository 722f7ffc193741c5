namespace TrendInsight.Ingest.Lake;

/// <summary>
/// Where a landing file's rejected rows go: the run's quarantine files (<see cref="QuarantineWriter"/>), or, for
/// <c>validate</c>, a tally that writes nothing.
/// </summary>
internal interface IQuarantineSink
{
    /// <summary>One rejected row: its business day (the run's when its timestamp did not parse), file, line, reason, what was expected, and the raw line.</summary>
    void Write(string feed, DateOnly dt, string sourceFile, long line, string reason, string? detail, string raw);
}
