namespace TrendInsight.Cli.Output;

/// <summary>How <c>sql</c> prints a result.</summary>
public enum ResultFormat
{
    Table,
    Csv,
    Json,

    /// <summary>Apache Arrow IPC: a stream, or a file when <c>--out</c> ends in <c>.arrow</c> or <c>.feather</c>.</summary>
    Arrow,
}
