using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.Reports.Model;
using TrendInsight.Reports.Rendering;

namespace TrendInsight.Reports;

/// <summary>
/// Writes the merchandiser's trend report for a date: <c>trend-report.html</c> (self-contained, with
/// charts), <c>.xlsx</c> and <c>.md</c> under <c>data/reports/DATE/</c>. Each file is written under a
/// temporary name and renamed, so a reader never sees half a report. The CLI's <c>report</c> command
/// and the scheduler's report job call it.
/// </summary>
public sealed class ReportService : IReportService
{
    /// <summary>File name of the report without its extension.</summary>
    public const string FileStem = "trend-report";

    private readonly PipelineConfig config;
    private readonly TimeProvider clock;
    private readonly ILogger log;

    public ReportService(PipelineConfig config, TimeProvider clock, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(clock);
        this.config = config;
        this.clock = clock;
        log = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ReportService>();
    }

    /// <inheritdoc />
    public Task<ReportResult> WriteReportAsync(DataLayout layout, DateOnly date, IReadOnlyCollection<string> formats, string? outDir,
        IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var renderers = Renderers(formats is { Count: > 0 } ? formats : config.Report.Formats);
        return Task.Run(() => Write(layout, date, renderers, outDir, progress, cancellationToken), cancellationToken);
    }

    /// <summary>Whether <paramref name="date"/> has been analysed: its topics mart is in the lake.</summary>
    public bool HasAnalysis(DataLayout layout, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new MartReportLoader(config, layout).HasAnalysis(date);
    }

    /// <summary>
    /// Builds the report model for <paramref name="date"/> from the marts, the raw lake and the ingest manifest.
    /// A date never analysed is an error that says how to analyse it: a report of nothing is not written.
    /// </summary>
    public TrendReport BuildReport(DataLayout layout, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var loader = new MartReportLoader(config, layout);
        if (!loader.HasAnalysis(date))
        {
            Log.NoAnalysis(log, date, layout.Marts);
            var day = BusinessCalendar.Format(date);
            throw new TrendInsightException(
                $"{day} has not been analysed (no topics under {Path.Combine(layout.Marts, "topics", BusinessCalendar.Partition(date))}); "
                + $"run `trendinsight analyze --date {day}` first, or `trendinsight report --date {day} --analyze`");
        }

        return loader.Load(date, clock.GetUtcNow(), cancellationToken);
    }

    private ReportResult Write(DataLayout layout, DateOnly date, IReadOnlyList<IReportRenderer> renderers, string? outDir,
        IProgress<StageProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        progress?.Report(new StageProgress("report", "reading marts", 0, renderers.Count + 1));
        var report = BuildReport(layout, date, cancellationToken);
        var folder = Path.GetFullPath(outDir ?? layout.ReportFolder(date));
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TrendInsightException(
                $"cannot create the report folder {folder}: {ex.Message.TrimEnd('.')} (is a part of the path a file, or not writable?)", inner: ex);
        }

        var files = new List<string>();
        for (var i = 0; i < renderers.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var renderer = renderers[i];
            progress?.Report(new StageProgress("report", "writing " + renderer.Format, i + 1, renderers.Count + 1));
            var path = Path.Combine(folder, FileStem + renderer.FileExtension);
            WriteAtomically(path, stream => renderer.Render(report, stream));
            files.Add(path);
        }

        progress?.Report(new StageProgress("report", "done", renderers.Count + 1, renderers.Count + 1));
        Log.Written(log, date, report.Topics.Count, files.Count, folder, watch.ElapsedMilliseconds);
        return new ReportResult(date, files);
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException ex)
        {
            TryDelete(temporary);
            throw new TrendInsightException($"Writing {path} failed: {ex.Message}", isTransient: true, inner: ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the next run; its name starts with a dot and ends in .tmp.
        }
    }

    /// <summary>The renderers for format names (html, xlsx, md), in the order asked, each once.</summary>
    internal static IReadOnlyList<IReportRenderer> Renderers(IEnumerable<string> formats)
    {
        var list = new List<IReportRenderer>();
        foreach (var raw in formats.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var format = raw.ToLowerInvariant();
            if (list.Any(r => r.Format == format))
            {
                continue;
            }

            list.Add(format switch
            {
                "html" => new HtmlReportRenderer(),
                "xlsx" => new XlsxReportRenderer(),
                "md" or "markdown" => new MarkdownReportRenderer(),
                _ => throw new TrendInsightException($"Unknown report format '{raw}': use html, xlsx or md."),
            });
        }

        if (list.Count == 0)
        {
            throw new TrendInsightException("No report format given: use html, xlsx or md.");
        }

        return list;
    }
}
