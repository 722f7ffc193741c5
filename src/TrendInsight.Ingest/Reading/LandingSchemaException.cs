namespace TrendInsight.Ingest.Reading;

/// <summary>
/// A columnar landing file whose columns do not meet the contract (a required one missing, one of a type no contract
/// value has). <see cref="Reason"/> is the file-level reject reason; the message names the columns.
/// </summary>
internal sealed class LandingSchemaException(string reason, string message) : Exception(message)
{
    /// <summary><c>missing_column:&lt;c&gt;</c> or <c>bad_column:&lt;c&gt;</c>.</summary>
    public string Reason { get; } = reason;
}
