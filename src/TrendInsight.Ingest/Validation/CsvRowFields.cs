namespace TrendInsight.Ingest.Validation;

/// <summary>Fields of one CSV record, by the header's column names. An empty cell is null.</summary>
internal sealed class CsvRowFields(IReadOnlyDictionary<string, int> header, List<string> values) : IRowFields
{
    public FieldValue Get(string name)
    {
        if (!header.TryGetValue(name, out var index) || index >= values.Count)
        {
            return FieldValue.Missing;
        }

        var text = values[index];
        return text.Length == 0 ? FieldValue.Null : new FieldValue(FieldKind.String, text);
    }

    public string? Match(string name, string[] candidates)
    {
        if (!header.TryGetValue(name, out var index) || index >= values.Count)
        {
            return null;
        }

        var text = values[index];
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, text, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }
}
