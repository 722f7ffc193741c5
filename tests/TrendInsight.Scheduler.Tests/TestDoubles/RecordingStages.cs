using TrendInsight.Core;
using TrendInsight.Core.Pipeline;

namespace TrendInsight.Scheduler.Tests.TestDoubles;

/// <summary>
/// Stage services that record every call (start and end) in a <see cref="CallLog"/>, take
/// <see cref="Delay"/> to do their "work", and fail as <see cref="Failures"/> says.
/// </summary>
public sealed class RecordingStages : IIngestService, IAnalyzeService, IReportService
{
    private readonly CallLog _log;

    public RecordingStages(CallLog log)
    {
        _log = log;
    }

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Per stage and day, the exceptions the next calls throw, in order.</summary>
    public Dictionary<(string Stage, DateOnly? Day), Queue<Exception>> Failures { get; } = [];

    /// <summary>A second place every event is recorded (e.g. a PostgreSQL table shared by cluster nodes).</summary>
    public Action<string, DateOnly?, string>? Sink { get; set; }

    public async Task<IngestSummary> IngestAsync(DataLayout layout, string? feed, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        await WorkAsync("ingest", null, cancellationToken);
        return new IngestSummary(0, 0, 0, 0, 0, 0, []);
    }

    public async Task<AnalyzeSummary> AnalyzeAsync(DataLayout layout, DateOnly asOf, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        await WorkAsync("analyze", asOf, cancellationToken);
        return new AnalyzeSummary(asOf, 0, 0, TimeSpan.Zero);
    }

    public async Task<ReportResult> WriteReportAsync(DataLayout layout, DateOnly date, IReadOnlyCollection<string> formats, string? outDir, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        await WorkAsync("report", date, cancellationToken);
        return new ReportResult(date, []);
    }

    private async Task WorkAsync(string stage, DateOnly? day, CancellationToken cancellationToken)
    {
        Record(stage, day, "start");
        lock (Failures)
        {
            if (Failures.TryGetValue((stage, day), out var queue) && queue.TryDequeue(out var failure))
            {
                Record(stage, day, "fail");
                throw failure;
            }
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        Record(stage, day, "end");
    }

    private void Record(string stage, DateOnly? day, string phase)
    {
        _log.Append(stage, day, phase);
        Sink?.Invoke(stage, day, phase);
    }
}
