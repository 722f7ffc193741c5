namespace TrendInsight.Cli.Output;

/// <summary>How <c>sql</c> prints a result.</summary>
public enum ResultFormat
{
    Table,
    Csv,
    Json,
}
