namespace TrendInsight.Simulation;

/// <summary>
/// One landing row before it is written: a value per schema column (null = field absent), whether
/// the value is written as a JSON number, the tag list of content rows, or a raw line (malformed JSON).
/// </summary>
internal sealed class Row
{
    public Row(FeedSchema schema)
    {
        Schema = schema;
        Values = new string?[schema.Columns.Length];
        Numeric = new bool[schema.Columns.Length];
    }

    public FeedSchema Schema { get; }

    public string?[] Values { get; }

    public bool[] Numeric { get; }

    /// <summary>Content tags: a JSON array in JSONL, <c>#a #b</c> text in CSV.</summary>
    public string[]? Tags { get; set; }

    /// <summary>When set, written verbatim instead of the values (a malformed line).</summary>
    public string? RawLine { get; set; }

    public Row Set(string column, string? value, bool numeric = false)
    {
        var i = Schema.Index(column);
        Values[i] = value;
        Numeric[i] = numeric && value is not null;
        return this;
    }

    public string? Get(string column) => Values[Schema.Index(column)];

    public Row Clone()
    {
        var copy = new Row(Schema) { Tags = Tags, RawLine = RawLine };
        Values.CopyTo(copy.Values, 0);
        Numeric.CopyTo(copy.Numeric, 0);
        return copy;
    }
}
