using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.Scheduler.State;

namespace TrendInsight.Scheduler;

/// <summary>
/// The pipeline's stages as the scheduler's jobs, <c>run</c> and <c>backfill</c> call them: every call is
/// recorded in the <see cref="RunHistory"/>, analyze makes sure ingest has run since the day ended, report
/// makes sure analyze has finished the day. Within a process the stages never overlap (one gate), so an
/// analyze never reads a partition an ingest is rewriting.
/// </summary>
public sealed class PipelineSteps
{
    public const string IngestStage = "ingest";
    public const string AnalyzeStage = "analyze";
    public const string ReportStage = "report";

    private readonly IIngestService _ingest;
    private readonly IAnalyzeService _analyze;
    private readonly IReportService _report;
    private readonly DataLayout _layout;
    private readonly IReadOnlyCollection<string> _formats;
    private readonly Jobs.BackoffPolicy _retry;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public PipelineSteps(
        IIngestService ingest,
        IAnalyzeService analyze,
        IReportService report,
        RunHistory history,
        DataLayout layout,
        ScheduleConfig config,
        TimeProvider clock,
        ILogger<PipelineSteps>? logger = null)
    {
        _ingest = ingest;
        _analyze = analyze;
        _report = report;
        History = history;
        _layout = layout;
        _formats = config.ReportFormats;
        _retry = new Jobs.BackoffPolicy(config);
        _clock = clock;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Whether a transient failure is retried by the caller (the scheduler's jobs): such a run is recorded
    /// as <see cref="RunOutcome.Retrying"/> unless it was the last attempt. Off for <c>run</c> and <c>backfill</c>.
    /// </summary>
    public bool RetriesTransientFailures { get; set; }

    /// <summary>Where runs are recorded.</summary>
    public RunHistory History { get; }

    /// <summary>This process in the run history: host name and process id.</summary>
    public static string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Ingests every new landing file.</summary>
    public Task<IngestSummary> IngestAsync(int attempt, IProgress<StageProgress>? progress, CancellationToken cancellationToken) =>
        IngestAsync(null, attempt, progress, cancellationToken);

    /// <summary>Ingests the new landing files of <paramref name="feed"/> (all feeds when null).</summary>
    public Task<IngestSummary> IngestAsync(string? feed, int attempt, IProgress<StageProgress>? progress, CancellationToken cancellationToken) =>
        RecordAsync(IngestStage, null, attempt, () => _ingest.IngestAsync(_layout, feed, progress, cancellationToken), cancellationToken);

    /// <summary>
    /// Analyzes <paramref name="day"/>. With <paramref name="ensureIngest"/>, first runs ingest unless a
    /// successful ingest started after the day ended (Asia/Shanghai), so late files of the day are in.
    /// </summary>
    public async Task<AnalyzeSummary> AnalyzeAsync(DateOnly day, int attempt, bool ensureIngest, IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        if (ensureIngest)
        {
            var dayEnd = BusinessCalendar.FromLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var lastIngest = History.LastSuccessStart(IngestStage);
            if (lastIngest is null || lastIngest < dayEnd)
            {
                Log.IngestBeforeAnalyze(_logger, BusinessCalendar.Format(day));
                await IngestAsync(attempt, progress, cancellationToken).ConfigureAwait(false);
            }
        }

        var summary = await RecordAsync(AnalyzeStage, day, attempt, () => _analyze.AnalyzeAsync(_layout, day, progress, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        History.MarkDone(AnalyzeStage, day);
        return summary;
    }

    /// <summary>Writes the report for <paramref name="day"/>; with <paramref name="ensureAnalyzed"/>, analyzes the day first unless that finished before.</summary>
    public Task<ReportResult> ReportAsync(DateOnly day, int attempt, bool ensureAnalyzed, IProgress<StageProgress>? progress, CancellationToken cancellationToken) =>
        ReportAsync(day, attempt, ensureAnalyzed, _formats, null, progress, cancellationToken);

    /// <summary>Writes the report for <paramref name="day"/> in <paramref name="formats"/> to <paramref name="outDir"/> (default <c>reports/DAY</c>).</summary>
    public async Task<ReportResult> ReportAsync(DateOnly day, int attempt, bool ensureAnalyzed, IReadOnlyCollection<string> formats, string? outDir,
        IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        if (ensureAnalyzed && !History.IsDone(AnalyzeStage, day))
        {
            Log.AnalyzeBeforeReport(_logger, BusinessCalendar.Format(day));
            await AnalyzeAsync(day, attempt, ensureIngest: true, progress, cancellationToken).ConfigureAwait(false);
        }

        var result = await RecordAsync(ReportStage, day, attempt, () => _report.WriteReportAsync(_layout, day, formats, outDir, progress, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        History.MarkDone(ReportStage, day);
        return result;
    }

    private async Task<T> RecordAsync<T>(string stage, DateOnly? day, int attempt, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var dayText = BusinessCalendar.Format(day ?? BusinessCalendar.Today(_clock));
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var id = History.Start(stage, day, attempt, Instance);
            Log.StageStarted(_logger, stage, dayText, attempt, Instance);
            var watch = Stopwatch.StartNew();
            try
            {
                var result = await work().ConfigureAwait(false);
                History.End(id, RunOutcome.Succeeded, null);
                Log.StageFinished(_logger, stage, dayText, watch.ElapsedMilliseconds);
                return result;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                History.End(id, RunOutcome.Cancelled, "cancelled");
                Log.StageCancelled(_logger, stage, dayText);
                throw;
            }
            catch (Exception ex)
            {
                var retried = RetriesTransientFailures && _retry.ShouldRetry(ex, attempt);
                History.End(id, retried ? RunOutcome.Retrying : RunOutcome.Failed, ex.Message);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
