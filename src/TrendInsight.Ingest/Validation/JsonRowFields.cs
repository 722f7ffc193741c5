using System.Text.Json;

namespace TrendInsight.Ingest.Validation;

/// <summary>Fields of one JSON object line.</summary>
internal sealed class JsonRowFields(JsonElement root) : IRowFields
{
    public FieldValue Get(string name)
    {
        if (!root.TryGetProperty(name, out var element))
        {
            return FieldValue.Missing;
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => new FieldValue(FieldKind.String, element.GetString()),
            JsonValueKind.Number => new FieldValue(FieldKind.Number, element.GetRawText()),
            JsonValueKind.True or JsonValueKind.False => new FieldValue(FieldKind.Bool, element.GetRawText()),
            JsonValueKind.Array => new FieldValue(FieldKind.Array, null, element),
            JsonValueKind.Object => new FieldValue(FieldKind.Object, null, element),
            _ => FieldValue.Null,
        };
    }

    public string? Match(string name, string[] candidates)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (element.ValueEquals(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
