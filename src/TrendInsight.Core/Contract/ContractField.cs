namespace TrendInsight.Core.Contract;

/// <summary>One field of a feed's landing contract.</summary>
/// <param name="Name">The field's name in JSONL keys, CSV headers and Parquet columns (matched in any case for Parquet).</param>
/// <param name="Type">What it holds.</param>
/// <param name="Required">A row without it is quarantined as <c>missing_field:&lt;name&gt;</c>.</param>
/// <param name="Meaning">What it means, for the documentation.</param>
/// <param name="Min">For a count: the smallest value accepted.</param>
/// <param name="Default">For a count: the value taken when the field is missing or empty.</param>
public sealed record ContractField(string Name, FieldType Type, bool Required, string Meaning, long Min = 0, long? Default = null)
{
    /// <summary>The lake column of the normalised form, for text and tags; null otherwise.</summary>
    public string? NormalisedColumn => Type is FieldType.Text or FieldType.Tags ? Name + "_norm" : null;
}
