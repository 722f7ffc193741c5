using DuckDB.NET.Data;

namespace TrendInsight.DuckDb;

/// <summary>
/// The connection factory for one DuckDB database (a file or in-memory), opened through DuckDB.NET with
/// the project's engine settings. Thread-safe: share one instance between threads and give each thread its
/// own <see cref="DuckDBConnection"/> from <see cref="Connect"/>. A file can be open read-write in one
/// process only.
/// </summary>
public sealed class DuckDbDatabase : IDisposable
{
    // Keeps the database instance alive (an in-memory database lives exactly as long as it). Connections to
    // a file open the same connection string, which DuckDB.NET maps to the one instance it holds for the
    // file; an in-memory database is reached only through duplicates of this connection.
    private readonly DuckDBConnection _root;
    private readonly string _connectionString;
    private readonly bool _inMemory;
    private bool _disposed;

    private DuckDbDatabase(DuckDBConnection root, string connectionString, string path)
    {
        _root = root;
        _connectionString = connectionString;
        _inMemory = path.StartsWith(":memory:", StringComparison.Ordinal);
        Path = path;
    }

    /// <summary>The database file, or <c>:memory:</c>.</summary>
    public string Path { get; }

    /// <summary>The DuckDB library version, e.g. <c>v1.5.6</c>.</summary>
    public static string LibraryVersion => DuckDB.NET.Native.NativeMethods.Startup.DuckDBLibraryVersion();

    /// <summary>The DuckDB.NET.Data package version, e.g. <c>1.5.6.1</c>.</summary>
    public static string ClientVersion =>
        typeof(DuckDBConnection).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>
    /// Opens (or creates) a database file; null or <c>:memory:</c> opens a new in-memory database.
    /// </summary>
    /// <exception cref="DuckDbException">The file cannot be opened (missing folder, locked, not a DuckDB file) or a setting is invalid.</exception>
    public static DuckDbDatabase Open(string? path, DuckDbConfig? config = null)
    {
        var target = string.IsNullOrEmpty(path) ? ":memory:" : path;
        config ??= new DuckDbConfig();
        string connectionString;
        try
        {
            connectionString = config.ConnectionString(target);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // DuckDB.NET's connection string refuses a setting DuckDB does not know.
            throw new DuckDbException($"Invalid Configuration Error: {ex.Message}", DuckDbErrorType.InvalidConfiguration, target, ex);
        }

        var root = new DuckDBConnection(connectionString);
        try
        {
            root.Open();

            // A second open of a file this process holds gets the same instance, settings and lock included.
            var locked = root.Scalar<bool>("SELECT current_setting('lock_configuration')");
            if (!locked && !string.IsNullOrEmpty(config.TimeZone))
            {
                // TimeZone belongs to the ICU extension, so it cannot go into the open-time config.
                root.Execute("SET GLOBAL TimeZone = " + DuckDbSql.Literal(config.TimeZone));
            }

            foreach (var statement in locked ? [] : config.SandboxStatements())
            {
                root.Execute(statement);
            }

            if (!locked && config.LockConfiguration)
            {
                root.Execute("SET GLOBAL lock_configuration = true");
            }
        }
        catch (DuckDBException ex)
        {
            root.Dispose();
            var message = ex.Message;
            if (message.Contains("different configuration", StringComparison.Ordinal))
            {
                message += $" ({target} is already open in this process with other settings: open it with the same DuckDbConfig, or close it first)";
            }

            throw new DuckDbException(message, DuckDbErrors.TypeOf(ex), target, ex);
        }
        catch (InvalidOperationException ex)
        {
            // DuckDB.NET reports a setting DuckDB does not know this way.
            root.Dispose();
            throw new DuckDbException($"Invalid Configuration Error: {ex.Message}", DuckDbErrorType.InvalidConfiguration, target, ex);
        }
        catch
        {
            root.Dispose();
            throw;
        }

        return new DuckDbDatabase(root, connectionString, target);
    }

    /// <summary>A new open connection, for use by one thread at a time.</summary>
    public DuckDBConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _inMemory ? _root.Duplicate() : new DuckDBConnection(_connectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw DuckDbErrors.From(ex, Path);
        }

        return connection;
    }

    public void Dispose()
    {
        _disposed = true;
        _root.Dispose();
    }
}
