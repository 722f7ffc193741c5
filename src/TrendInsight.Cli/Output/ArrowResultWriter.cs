using Apache.Arrow;
using Apache.Arrow.Ipc;
using DuckDB.NET.Data;

namespace TrendInsight.Cli.Output;

/// <summary>
/// Writes a query result as Apache Arrow IPC, record batch by record batch as DuckDB.NET hands them over, so
/// pandas, polars and pyarrow read it without a conversion: the stream format by default, the file format
/// (Feather v2) for a path ending in <c>.arrow</c> or <c>.feather</c>.
/// </summary>
public static class ArrowResultWriter
{
    /// <summary>Whether <paramref name="path"/> asks for the Arrow file format rather than the stream format.</summary>
    public static bool IsFileFormat(string? path) =>
        path is not null
        && (path.EndsWith(".arrow", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".feather", StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs <paramref name="command"/> and writes its result to <paramref name="output"/>; returns the rows written.</summary>
    public static long Write(DuckDBCommand command, Stream output, bool fileFormat)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(output);
        using var batches = command.ExecuteArrowStream();
        using ArrowStreamWriter writer = fileFormat
            ? new ArrowFileWriter(output, batches.Schema, leaveOpen: true)
            : new ArrowStreamWriter(output, batches.Schema, leaveOpen: true);
        writer.WriteStart();
        var rows = 0L;
        while (batches.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch)
            {
                writer.WriteRecordBatch(batch);
                rows += batch.Length;
            }
        }

        writer.WriteEnd();
        return rows;
    }
}
