using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TrendInsight.Scheduler.Tests.Cluster;

/// <summary>
/// A throwaway PostgreSQL server for one test: initdb into a temp folder, started on 127.0.0.1 on a free
/// port, stopped and deleted on dispose. PostgreSQL refuses to run as root, so as root the server runs
/// as the <c>postgres</c> user (runuser) on a folder it owns.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin, string folder, int port, bool asPostgresUser)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    private string DataDir => Path.Combine(_folder, "data");

    /// <summary>The folder with initdb and pg_ctl (PostgreSQL 15 preferred), or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => d.Contains("/15/", StringComparison.Ordinal))
            .FirstOrDefault();
    }

    public static PostgresServer Start(string bin)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ti-pg-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        var asPostgres = Environment.UserName == "root";
        var server = new PostgresServer(bin, folder, FreePort(), asPostgres);
        try
        {
            if (asPostgres)
            {
                Run("chown", "-R", "postgres:postgres", folder);
            }

            server.RunTool("initdb", "-D", server.DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C");
            var options = $"-k {folder} -h 127.0.0.1 -p {server.Port.ToString(CultureInfo.InvariantCulture)} -c fsync=off -c max_connections=200";
            server.RunTool("pg_ctl", "-D", server.DataDir, "-o", options, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start");
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = false }.ToString();

    public void Execute(string database, string sql)
    {
        using var conn = new NpgsqlConnection(ConnectionString(database));
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try
        {
            if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
            {
                RunTool("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private void RunTool(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. args]);
        }
        else
        {
            Run(path, args);
        }
    }

    private static void Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
