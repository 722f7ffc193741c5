namespace TrendInsight.Core.Contract;

/// <summary>The landing contract of one feed: its fields in lake column order, and its unique key.</summary>
/// <param name="Feed">The feed's name, also its landing folder (<c>landing/&lt;feed&gt;/</c>).</param>
/// <param name="Key">The unique key: later rows with the same key are duplicates, or replace it when <paramref name="LatestWins"/>.</param>
/// <param name="LatestWins">True where a row is a version of a record (content, products): the latest <c>ts</c> per key is kept.</param>
/// <param name="Fields">The fields, in the order of the lake's columns.</param>
public sealed record FeedContract(string Feed, string Key, bool LatestWins, IReadOnlyList<ContractField> Fields)
{
    /// <summary>Names of the required fields, in field order.</summary>
    public IReadOnlyList<string> Required => [.. Fields.Where(f => f.Required).Select(f => f.Name)];

    /// <summary>The field called <paramref name="name"/>, or null.</summary>
    public ContractField? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
