using TrendInsight.Reports.Model;

namespace TrendInsight.Reports;

/// <summary>Writes a <see cref="TrendReport"/> in one format.</summary>
public interface IReportRenderer
{
    /// <summary>The format name used on the command line: html, xlsx or md.</summary>
    string Format { get; }

    /// <summary>File extension with the dot.</summary>
    string FileExtension { get; }

    /// <summary>Writes the report to <paramref name="output"/>.</summary>
    void Render(TrendReport report, Stream output);
}
