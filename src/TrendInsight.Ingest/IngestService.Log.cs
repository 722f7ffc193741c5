using Microsoft.Extensions.Logging;

namespace TrendInsight.Ingest;

public sealed partial class IngestService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Feed}/{File}: skipped, same content as {SameAs}")]
    private static partial void LogSkipped(ILogger logger, string feed, string file, string sameAs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Feed}/{File}: rejected, {Reason}")]
    private static partial void LogRejected(ILogger logger, string feed, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Feed}/{File}: {Rows} rows read, {Quarantined} quarantined ({Encoding})")]
    private static partial void LogFile(ILogger logger, string feed, string file, long rows, long quarantined, string encoding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Feed}/{File}: rejected as {Reason}: {Detail}")]
    private static partial void LogRejectedFile(ILogger logger, string feed, string file, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "ingest {RunId}: {Read} read = {Accepted} accepted + {Quarantined} quarantined + {Duplicates} duplicates; {Files} files, {Skipped} skipped")]
    private static partial void LogRun(ILogger logger, string runId, long read, long accepted, long quarantined, long duplicates, int files, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "ingest {RunId}: {Read:F1} s reading and validating, {Dedup:F1} s deduplicating and writing Parquet, {Commit:F1} s committing, {Views:F1} s refreshing views")]
    private static partial void LogPhases(ILogger logger, string runId, double read, double dedup, double commit, double views);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Feed}: not read {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string feed, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {File}: {Why}")]
    private static partial void LogRecovered(ILogger logger, string file, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Feed}: the accepted ids of {Files} runs folded into the manifest")]
    private static partial void LogIdFilesFolded(ILogger logger, string feed, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the views in {Warehouse}: {Message}")]
    private static partial void LogViewsFailed(ILogger logger, string warehouse, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moved {File} aside to {Target}: no run of the manifest wrote it")]
    private static partial void LogOrphan(ILogger logger, string file, string target);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File} is committed but missing or changed; run `trendinsight verify`, then `trendinsight repair --reingest`")]
    private static partial void LogMissing(ILogger logger, string file);
}
