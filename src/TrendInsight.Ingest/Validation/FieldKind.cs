namespace TrendInsight.Ingest.Validation;

/// <summary>The JSON-ish kind of a field as delivered.</summary>
internal enum FieldKind : byte
{
    Missing,
    Null,
    String,
    Number,
    Bool,
    Array,
    Object,
}
