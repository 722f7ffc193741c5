using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrendInsight.Core;
using TrendInsight.Scheduler.State;

namespace TrendInsight.Scheduler;

/// <summary>
/// Re-analyzes (and re-reports) a range of days in order. Each finished day is recorded in the state
/// database, so a run that crashed or was stopped resumes where it left off; <c>force</c> redoes all.
/// </summary>
public sealed class BackfillRunner
{
    /// <summary>The stage name of a finished backfill day in the state database.</summary>
    public const string Stage = "backfill";

    private readonly PipelineSteps _steps;
    private readonly ILogger _logger;

    public BackfillRunner(PipelineSteps steps, ILogger<BackfillRunner>? logger = null)
    {
        _steps = steps;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Runs the days from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public async Task<BackfillResult> RunAsync(
        DateOnly from,
        DateOnly to,
        bool force,
        bool withReport,
        IProgress<BackfillProgress>? progress,
        CancellationToken cancellationToken)
    {
        if (to < from)
        {
            throw new TrendInsightException($"backfill: --to {BusinessCalendar.Format(to)} is before --from {BusinessCalendar.Format(from)}");
        }

        var done = new List<DateOnly>();
        var skipped = new List<DateOnly>();
        var total = to.DayNumber - from.DayNumber + 1;
        var index = 0;
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            index++;
            if (!force && _steps.History.IsDone(Stage, day))
            {
                skipped.Add(day);
                Log.BackfillSkipped(_logger, BusinessCalendar.Format(day));
                progress?.Report(new BackfillProgress(day, index, total, Skipped: true));
                continue;
            }

            _steps.History.ClearDone(Stage, day);
            await _steps.AnalyzeAsync(day, 1, ensureIngest: false, null, cancellationToken).ConfigureAwait(false);
            if (withReport)
            {
                await _steps.ReportAsync(day, 1, ensureAnalyzed: false, null, cancellationToken).ConfigureAwait(false);
            }

            _steps.History.MarkDone(Stage, day);
            done.Add(day);
            Log.BackfillDone(_logger, BusinessCalendar.Format(day));
            progress?.Report(new BackfillProgress(day, index, total, Skipped: false));
        }

        return new BackfillResult(done, skipped);
    }
}
