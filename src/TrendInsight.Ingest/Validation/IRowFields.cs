namespace TrendInsight.Ingest.Validation;

/// <summary>Field access over one landing row, whatever its format.</summary>
internal interface IRowFields
{
    FieldValue Get(string name);

    /// <summary>
    /// The candidate that field <paramref name="name"/> is exactly (a string, same case, no spaces
    /// around), found without allocating; null otherwise, and the caller reads the field with <see cref="Get"/>.
    /// </summary>
    string? Match(string name, string[] candidates);
}
