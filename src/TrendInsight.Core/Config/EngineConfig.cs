namespace TrendInsight.Core.Config;

/// <summary>The <c>engine:</c> section: DuckDB resources.</summary>
public sealed class EngineConfig
{
    /// <summary>DuckDB worker threads; 0 means DuckDB's default (all cores).</summary>
    public int Threads { get; set; }

    /// <summary>DuckDB memory limit, e.g. <c>4GB</c>; empty means DuckDB's default (80% of RAM).</summary>
    public string MemoryLimit { get; set; } = "4GB";

    /// <summary>Spill folder for out-of-core work, relative to the data folder.</summary>
    public string TempDirectory { get; set; } = "state/duckdb_tmp";

    internal void Validate(List<string> errors)
    {
        if (Threads < 0)
        {
            errors.Add("engine.threads must be 0 (default) or positive");
        }
    }
}
