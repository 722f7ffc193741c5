namespace TrendInsight.Core.Pipeline;

/// <summary>The merchandiser's report for a date. Called by the CLI, the report job and backfill.</summary>
public interface IReportService
{
    /// <summary>Writes the report in <paramref name="formats"/> (html, xlsx, md) to <paramref name="outDir"/> (default <c>data/reports/DATE/</c>).</summary>
    Task<ReportResult> WriteReportAsync(DataLayout layout, DateOnly date, IReadOnlyCollection<string> formats, string? outDir, IProgress<StageProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>The files a report run wrote.</summary>
public sealed record ReportResult(DateOnly Date, IReadOnlyList<string> Files);
