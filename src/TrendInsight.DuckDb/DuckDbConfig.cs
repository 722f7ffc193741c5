using System.Globalization;
using DuckDB.NET.Data;
using TrendInsight.Core;
using TrendInsight.Core.Config;

namespace TrendInsight.DuckDb;

/// <summary>Settings applied when a database is opened (DuckDB's own option names under <see cref="Options"/>).</summary>
public sealed class DuckDbConfig
{
    /// <summary>Worker threads; null or 0 means DuckDB's default (all cores).</summary>
    public int? Threads { get; set; }

    /// <summary>Memory limit such as <c>4GB</c>; null means DuckDB's default (80% of RAM).</summary>
    public string? MemoryLimit { get; set; }

    /// <summary>Where DuckDB spills to disk when a query exceeds the memory limit.</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Open the file read-only (several processes may then read it at once).</summary>
    public bool ReadOnly { get; set; }

    /// <summary>
    /// The session time zone for TIMESTAMPTZ arithmetic, casts to DATE and text: <c>UTC</c> by default
    /// so that results do not depend on the machine's zone; null keeps the machine's.
    /// </summary>
    public string? TimeZone { get; set; } = "UTC";

    /// <summary>
    /// When set, SQL may open files only under these folders (DuckDB's <c>allowed_directories</c> with
    /// <c>enable_external_access = false</c>): no other file, no network, no attaching other database
    /// files, and no extension is installed or loaded (not even automatically). Null leaves DuckDB open.
    /// </summary>
    public IReadOnlyList<string>? AllowedDirectories { get; set; }

    /// <summary>
    /// Once every setting is applied, refuse any further <c>SET</c> (DuckDB's <c>lock_configuration</c>),
    /// so that the SQL run on the database cannot undo <see cref="AllowedDirectories"/> or the memory limit.
    /// </summary>
    public bool LockConfiguration { get; set; }

    /// <summary>Further DuckDB settings by name, e.g. <c>preserve_insertion_order = false</c>.</summary>
    public IDictionary<string, string> Options { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The statements that close the database to everything outside <see cref="AllowedDirectories"/>, in the
    /// order DuckDB accepts them (the folders before external access goes off); none when it is null.
    /// The C API's open-time configuration takes no list value, so these run right after the open.
    /// </summary>
    internal IEnumerable<string> SandboxStatements()
    {
        if (AllowedDirectories is null)
        {
            yield break;
        }

        // A folder is a prefix to DuckDB: the trailing separator keeps /data from also opening /data-old.
        var folders = AllowedDirectories.Select(d => Path.EndsInDirectorySeparator(d) ? d : d + Path.DirectorySeparatorChar);
        yield return "SET GLOBAL allowed_directories = [" + string.Join(", ", folders.Select(DuckDbSql.Literal)) + "]";
        yield return "SET GLOBAL autoinstall_known_extensions = false";
        yield return "SET GLOBAL autoload_known_extensions = false";
        yield return "SET GLOBAL allow_community_extensions = false";
        yield return "SET GLOBAL enable_external_access = false";
    }

    /// <summary>
    /// The <c>engine:</c> section of the pipeline configuration, with the temp folder under the data folder and
    /// relative paths resolved against the data folder (<c>file_search_path</c>).
    /// </summary>
    public static DuckDbConfig FromEngine(EngineConfig engine, DataLayout layout)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(layout);
        var config = new DuckDbConfig
        {
            Threads = engine.Threads > 0 ? engine.Threads : null,
            MemoryLimit = string.IsNullOrWhiteSpace(engine.MemoryLimit) ? null : engine.MemoryLimit,
            TempDirectory = string.IsNullOrWhiteSpace(engine.TempDirectory) ? null : Path.Combine(layout.Root, engine.TempDirectory),
        };

        // The warehouse's views name lake files relative to the data folder.
        config.Options["file_search_path"] = layout.Root;
        return config;
    }

    /// <summary>The DuckDB.NET connection string that opens <paramref name="dataSource"/> with these settings.</summary>
    public string ConnectionString(string dataSource)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = dataSource };
        foreach (var (name, value) in Settings())
        {
            builder[name] = value;
        }

        return builder.ConnectionString;
    }

    internal IEnumerable<KeyValuePair<string, string>> Settings()
    {
        if (Threads is > 0)
        {
            yield return new("threads", Threads.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(MemoryLimit))
        {
            yield return new("memory_limit", MemoryLimit);
        }

        if (!string.IsNullOrEmpty(TempDirectory))
        {
            yield return new("temp_directory", TempDirectory);
        }

        if (ReadOnly)
        {
            yield return new("access_mode", "READ_ONLY");
        }

        foreach (var option in Options)
        {
            yield return option;
        }
    }
}
