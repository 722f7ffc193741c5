using System.Globalization;
using Microsoft.Data.Sqlite;
using TrendInsight.Core;

namespace TrendInsight.Scheduler.State;

/// <summary>
/// Run history and per-day completion marks in the state database (<c>data/state/runs.db</c>, SQLite).
/// Shared by the scheduler's jobs, <c>run</c>, <c>backfill</c> and <c>status</c>; several processes may
/// write to it at once (WAL, busy timeout).
/// </summary>
public sealed class RunHistory
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly bool _readOnly;

    public RunHistory(string path, TimeProvider clock)
        : this(path, clock, readOnly: false)
    {
    }

    private RunHistory(string path, TimeProvider clock, bool readOnly)
    {
        Path = System.IO.Path.GetFullPath(path);
        _clock = clock;
        _readOnly = readOnly;
        if (readOnly)
        {
            _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 60, Pooling = false }.ToString();
            return;
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 60,
            Pooling = false,
        }.ToString();
        using var conn = Open();
        using (var wal = conn.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }

        Execute(conn, SqlResources.Get("state_schema"));
    }

    /// <summary>The state database file.</summary>
    public string Path { get; }

    /// <summary>The history of the data folder's default state database.</summary>
    public static RunHistory ForLayout(DataLayout layout, TimeProvider clock) =>
        new(System.IO.Path.Combine(layout.State, "runs.db"), clock);

    /// <summary>
    /// The data folder's state database, opened only to read it (<c>status</c>): nothing is created, converted or
    /// written, so a data folder this process may not write (a read-only mount of a colleague's data) can be read.
    /// It must exist.
    /// </summary>
    public static RunHistory ForReading(DataLayout layout, TimeProvider clock) =>
        new(System.IO.Path.Combine(layout.State, "runs.db"), clock, readOnly: true);

    /// <summary>Records that a run started; returns its id for <see cref="End"/>.</summary>
    public long Start(string job, DateOnly? day, int attempt, string instance)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = SqlResources.Get("run_start");
        cmd.Parameters.AddWithValue("$job", job);
        cmd.Parameters.AddWithValue("$day", day is { } d ? BusinessCalendar.Format(d) : DBNull.Value);
        cmd.Parameters.AddWithValue("$attempt", attempt);
        cmd.Parameters.AddWithValue("$instance", instance);
        cmd.Parameters.AddWithValue("$started", FormatInstant(_clock.GetUtcNow()));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Records how a run ended.</summary>
    public void End(long id, string outcome, string? error)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = SqlResources.Get("run_end");
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$ended", FormatInstant(_clock.GetUtcNow()));
        cmd.Parameters.AddWithValue("$outcome", outcome);
        cmd.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The latest <paramref name="perJob"/> runs of every job, newest first within a job.</summary>
    public IReadOnlyList<JobRun> LastRuns(int perJob)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = SqlResources.Get("last_runs");
        cmd.Parameters.AddWithValue("$per_job", perJob);
        using var reader = cmd.ExecuteReader();
        var runs = new List<JobRun>();
        while (reader.Read())
        {
            runs.Add(new JobRun(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : ParseDay(reader.GetString(1)),
                reader.GetInt32(2),
                reader.GetString(3),
                ParseInstant(reader.GetString(4)),
                reader.IsDBNull(5) ? null : ParseInstant(reader.GetString(5)),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return runs;
    }

    /// <summary>When the latest successful run of <paramref name="job"/> started, if any.</summary>
    public DateTimeOffset? LastSuccessStart(string job)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = SqlResources.Get("last_success");
        cmd.Parameters.AddWithValue("$job", job);
        return cmd.ExecuteScalar() is string s ? ParseInstant(s) : null;
    }

    /// <summary>Whether <paramref name="stage"/> finished <paramref name="day"/>.</summary>
    public bool IsDone(string stage, DateOnly day)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = SqlResources.Get("day_done_get");
        cmd.Parameters.AddWithValue("$stage", stage);
        cmd.Parameters.AddWithValue("$day", BusinessCalendar.Format(day));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Marks <paramref name="day"/> finished by <paramref name="stage"/>.</summary>
    public void MarkDone(string stage, DateOnly day)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = SqlResources.Get("day_done_mark");
        cmd.Parameters.AddWithValue("$stage", stage);
        cmd.Parameters.AddWithValue("$day", BusinessCalendar.Format(day));
        cmd.Parameters.AddWithValue("$finished", FormatInstant(_clock.GetUtcNow()));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Forgets that <paramref name="stage"/> finished <paramref name="day"/>.</summary>
    public void ClearDone(string stage, DateOnly day)
    {
        using var conn = Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = SqlResources.Get("day_done_clear");
        cmd.Parameters.AddWithValue("$stage", stage);
        cmd.Parameters.AddWithValue("$day", BusinessCalendar.Format(day));
        cmd.ExecuteNonQuery();
    }

    private static DateOnly ParseDay(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FormatInstant(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static void Execute(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        try
        {
            var conn = new SqliteConnection(_connectionString);
            try
            {
                conn.Open();
                if (_readOnly)
                {
                    // SQLite opens lazily: the first read is what finds whether the WAL can be read here.
                    using var probe = conn.CreateCommand();
                    probe.CommandText = "SELECT count(*) FROM sqlite_master";
                    probe.ExecuteScalar();
                }
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == CantOpen && _readOnly)
            {
                // A WAL database read in a folder that cannot be written: SQLite cannot create its shared-memory file
                // there. Read as immutable instead: what was checkpointed into the file, which is all of it once every
                // writer has closed it.
                conn.Dispose();
                conn = new SqliteConnection(new SqliteConnectionStringBuilder
                {
                    DataSource = new Uri(Path).AbsoluteUri + "?immutable=1",
                    Mode = SqliteOpenMode.ReadOnly,
                    Pooling = false,
                }.ToString());
                conn.Open();
            }

            return conn;
        }
        catch (SqliteException ex)
        {
            throw new TrendInsightException($"{Path}: cannot open the state database: {ex.Message}", isTransient: true, inner: ex);
        }
    }

    /// <summary>SQLITE_CANTOPEN.</summary>
    private const int CantOpen = 14;
}
