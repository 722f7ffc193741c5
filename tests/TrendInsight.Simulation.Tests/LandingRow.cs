namespace TrendInsight.Simulation.Tests;

/// <summary>One row as read back from a landing file: fields by name, or unparseable.</summary>
public sealed record LandingRow(string File, int Line, IReadOnlyDictionary<string, string?>? Fields)
{
    public bool Parsed => Fields is not null;

    public string? this[string name] => Fields is not null && Fields.TryGetValue(name, out var v) ? v : null;

    public bool Has(string name) => Fields is not null && Fields.ContainsKey(name) && Fields[name] is { Length: > 0 };
}
