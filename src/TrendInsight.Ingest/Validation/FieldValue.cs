using System.Text.Json;

namespace TrendInsight.Ingest.Validation;

/// <summary>The JSON-ish kind of a field as delivered.</summary>
internal enum FieldKind
{
    Missing,
    Null,
    String,
    Number,
    Bool,
    Array,
    Object,
}

/// <summary>One field of a landing row: its kind, its text (for strings and numbers) and, for JSON arrays, the element.</summary>
internal readonly record struct FieldValue(FieldKind Kind, string? Text = null, JsonElement Element = default)
{
    public static FieldValue Missing { get; } = new(FieldKind.Missing);

    public static FieldValue Null { get; } = new(FieldKind.Null);

    /// <summary>Absent, null or an empty/blank string.</summary>
    public bool IsEmpty => Kind is FieldKind.Missing or FieldKind.Null
        || (Kind == FieldKind.String && string.IsNullOrWhiteSpace(Text));
}
