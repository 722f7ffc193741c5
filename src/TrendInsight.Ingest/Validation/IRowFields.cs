namespace TrendInsight.Ingest.Validation;

/// <summary>Field access over one landing row, whatever its format.</summary>
internal interface IRowFields
{
    FieldValue Get(string name);
}
