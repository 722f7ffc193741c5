using TrendInsight.DuckDb.Native;

namespace TrendInsight.DuckDb;

/// <summary>
/// An open DuckDB database (a file or in-memory). Thread-safe: share one instance between threads
/// and give each thread its own <see cref="DuckDbConnection"/> from <see cref="Connect"/>. A file
/// can be open read-write in one process only.
/// </summary>
public sealed class DuckDbDatabase : IDisposable
{
    // DuckDB's file lock is a POSIX record lock, which does not stop a second open of the same file
    // in the same process; its instance cache makes every open of one file share one instance.
    private static readonly Lazy<IntPtr> InstanceCache = new(NativeMethods.duckdb_create_instance_cache);

    private readonly DatabaseHandle handle;

    private DuckDbDatabase(DatabaseHandle handle, string path)
    {
        this.handle = handle;
        Path = path;
    }

    /// <summary>The database file, or <c>:memory:</c>.</summary>
    public string Path { get; }

    /// <summary>The DuckDB library version, e.g. <c>v1.5.6</c>.</summary>
    public static string LibraryVersion => NativeMethods.PtrToString(NativeMethods.duckdb_library_version()) ?? "unknown";

    /// <summary>
    /// Opens (or creates) a database file; null or <c>:memory:</c> opens a new in-memory database.
    /// Opening a file that this process already has open gives the same database instance (the
    /// configuration must then be the same).
    /// </summary>
    /// <exception cref="DuckDbException">The file cannot be opened (missing folder, locked, not a DuckDB file) or a setting is invalid.</exception>
    public static DuckDbDatabase Open(string? path, DuckDbConfig? config = null)
    {
        var target = string.IsNullOrEmpty(path) ? ":memory:" : path;
        var nativeConfig = IntPtr.Zero;
        try
        {
            if (config is not null)
            {
                if (NativeMethods.duckdb_create_config(out nativeConfig) != DuckDbState.Success)
                {
                    throw new DuckDbException("DuckDB could not create a configuration", DuckDbErrorType.Internal, target);
                }

                foreach (var (name, value) in config.Settings())
                {
                    if (NativeMethods.duckdb_set_config(nativeConfig, name, value) != DuckDbState.Success)
                    {
                        throw new DuckDbException(
                            $"Invalid Configuration Error: DuckDB rejected the setting {name} = '{value}' for {target}",
                            DuckDbErrorType.InvalidConfiguration, target);
                    }
                }
            }

            var inMemory = target.StartsWith(":memory:", StringComparison.Ordinal);
            var state = inMemory
                ? NativeMethods.duckdb_open_ext(target, out var database, nativeConfig, out var error)
                : NativeMethods.duckdb_get_or_create_from_cache(InstanceCache.Value, target, out database, nativeConfig, out error);
            if (state != DuckDbState.Success)
            {
                database.Dispose();
                var message = NativeMethods.PtrToStringAndFree(error);
                if (message is not null && message.Contains("different configuration", StringComparison.Ordinal))
                {
                    message += $" ({target} is already open in this process with other settings: open it with the same DuckDbConfig, or close it first)";
                }

                throw DuckDbErrors.FromMessage(message, target, $"DuckDB could not open {target}");
            }

            NativeMethods.PtrToStringAndFree(error);
            var opened = new DuckDbDatabase(database, target);
            var timeZone = config is null ? "UTC" : config.TimeZone;
            try
            {
                using var connection = opened.Connect();

                // A second open of a file this process holds gets the same instance, settings and lock included.
                var locked = connection.Scalar<bool>("SELECT current_setting('lock_configuration')");
                if (!locked && !string.IsNullOrEmpty(timeZone))
                {
                    // TimeZone belongs to the ICU extension, so it cannot go into the open-time config.
                    connection.Execute("SET GLOBAL TimeZone = " + DuckDbSql.Literal(timeZone));
                }

                foreach (var statement in locked || config is null ? [] : config.SandboxStatements())
                {
                    connection.Execute(statement);
                }

                if (!locked && config is { LockConfiguration: true })
                {
                    connection.Execute("SET GLOBAL lock_configuration = true");
                }
            }
            catch
            {
                opened.Dispose();
                throw;
            }

            return opened;
        }
        finally
        {
            if (nativeConfig != IntPtr.Zero)
            {
                NativeMethods.duckdb_destroy_config(ref nativeConfig);
            }
        }
    }

    /// <summary>A new connection, for use by one thread at a time.</summary>
    public DuckDbConnection Connect()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        if (NativeMethods.duckdb_connect(handle, out var connection) != DuckDbState.Success)
        {
            connection.Dispose();
            throw new DuckDbException($"Connection Error: DuckDB could not connect to {Path}", DuckDbErrorType.Connection, Path);
        }

        return new DuckDbConnection(connection);
    }

    public void Dispose() => handle.Dispose();
}
