namespace TrendInsight.Core.Pipeline;

/// <summary>Terms, daily series and trend scores as of a date. Called by the CLI, the analyze job and backfill.</summary>
public interface IAnalyzeService
{
    Task<AnalyzeSummary> AnalyzeAsync(DataLayout layout, DateOnly asOf, IProgress<StageProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>What one analysis did.</summary>
public sealed record AnalyzeSummary(DateOnly AsOf, long TermsScored, int Topics, TimeSpan Elapsed);
