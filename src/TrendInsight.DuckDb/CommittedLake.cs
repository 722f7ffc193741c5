using System.Text.Json;
using DuckDB.NET.Data;
using TrendInsight.Core;

namespace TrendInsight.DuckDb;

/// <summary>
/// The raw lake as the ingest manifest committed it: the only files that views, <c>analyze</c> and new-word
/// discovery read. A file in a lake folder that is not on this list (a run that never committed, a file
/// dropped there by hand) is never read.
/// </summary>
/// <remarks>
/// Ingest publishes the list to <c>state/lake-files.json</c> after each commit (write to a temporary name,
/// then rename), so readers do not wait for a running ingest, which holds <c>state/ingest.duckdb</c> open.
/// Without that file (a data folder from before it existed) the list is read from the manifest itself.
/// </remarks>
public sealed class CommittedLake
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private readonly Dictionary<(string Feed, DateOnly Dt), List<CommittedFile>> _byPartition = [];

    private CommittedLake(IReadOnlyList<CommittedFile> files)
    {
        Files = files;
        foreach (var f in files)
        {
            var key = (f.Feed, f.Dt);
            if (!_byPartition.TryGetValue(key, out var list))
            {
                _byPartition[key] = list = [];
            }

            list.Add(f);
        }
    }

    /// <summary>Every committed raw file, by feed, day and path.</summary>
    public IReadOnlyList<CommittedFile> Files { get; }

    /// <summary>A list with no files (no ingest has committed in this data folder).</summary>
    public static CommittedLake Empty { get; } = new([]);

    /// <summary>Builds the list from files (e.g. just queried from the manifest).</summary>
    public static CommittedLake Of(IEnumerable<CommittedFile> files) =>
        new([.. files.OrderBy(f => f.Feed, StringComparer.Ordinal).ThenBy(f => f.Dt).ThenBy(f => f.Path, StringComparer.Ordinal)]);

    /// <summary>
    /// Reads the committed list of <paramref name="layout"/>: <c>state/lake-files.json</c>, else the manifest
    /// (read-only), else <see cref="Empty"/>.
    /// </summary>
    public static CommittedLake Load(DataLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (File.Exists(layout.CommittedFiles))
        {
            try
            {
                var files = JsonSerializer.Deserialize<List<CommittedFile>>(File.ReadAllText(layout.CommittedFiles), Json);
                return Of(files ?? []);
            }
            catch (JsonException ex)
            {
                throw new TrendInsightException($"{layout.CommittedFiles} is unreadable ({ex.Message}); the next ingest or `trendinsight repair` writes it again", inner: ex);
            }
        }

        if (!File.Exists(layout.Manifest))
        {
            return Empty;
        }

        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 });
        using var conn = db.Connect();
        try
        {
            conn.Execute("ATTACH " + DuckDbSql.Literal(layout.Manifest) + " AS state (READ_ONLY)");
        }
        catch (DuckDbException ex) when (ex.Message.Contains("Conflicting lock", StringComparison.Ordinal) || ex.Message.Contains("Could not set lock", StringComparison.Ordinal))
        {
            throw new TrendInsightException(
                $"{layout.Manifest} is in use by a running ingest, and {layout.CommittedFiles} is not written yet; try again when the ingest ends", isTransient: true, inner: ex);
        }

        return Query(conn);
    }

    /// <summary>Queries the committed list from a connection that has the manifest attached as <c>state</c>.</summary>
    public static CommittedLake Query(DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var hasChecksums = connection.Scalar<long>(
            "SELECT count(*) FROM duckdb_columns() WHERE database_name = 'state' AND table_name = 'lake_files' AND column_name = 'sha256'") > 0;
        var hasTables = connection.Scalar<long>(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'state' AND table_name IN ('lake_files', 'runs')") == 2;
        if (!hasTables)
        {
            return Empty;
        }

        var sql = EmbeddedText.Read(typeof(CommittedLake).Assembly, "TrendInsight.DuckDb.Sql.committed_files.sql");
        if (!hasChecksums)
        {
            sql = sql.Replace("a.size_bytes, a.sha256", "NULL::BIGINT, NULL::VARCHAR", StringComparison.Ordinal);
        }

        return Of(connection.Query(sql, r => new CommittedFile(
            r.GetString(0), r.GetDate(1), r.GetString(2), r.GetInt64(3), r.IsNull(4) ? null : r.GetInt64(4), r.IsNull(5) ? null : r.GetString(5), r.GetString(6))));
    }

    /// <summary>Publishes this list to <c>state/lake-files.json</c> (temporary name, then rename).</summary>
    public void Publish(DataLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        Directory.CreateDirectory(layout.State);
        var tmp = layout.CommittedFiles + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(Files, Json));
        File.Move(tmp, layout.CommittedFiles, overwrite: true);
    }

    /// <summary>The committed files of one feed.</summary>
    public IEnumerable<CommittedFile> Feed(string feed) => Files.Where(f => string.Equals(f.Feed, feed, StringComparison.Ordinal));

    /// <summary>Whether any file of <paramref name="feed"/> is committed for <paramref name="dt"/>.</summary>
    public bool Has(string feed, DateOnly dt) => _byPartition.ContainsKey((feed, dt));

    /// <summary>The committed files of one partition, as absolute paths under <paramref name="layout"/>, in name order.</summary>
    public string[] Partition(DataLayout layout, string feed, DateOnly dt)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return _byPartition.TryGetValue((feed, dt), out var files)
            ? [.. files.Select(f => FullPath(layout, f)).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The committed files of <paramref name="feed"/> for every day in [from, to], as absolute paths.</summary>
    public string[] Partitions(DataLayout layout, string feed, DateOnly from, DateOnly to)
    {
        var files = new List<string>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            files.AddRange(Partition(layout, feed, d));
        }

        return [.. files];
    }

    /// <summary>The committed files of one partition as they are in the list (relative paths, checksums).</summary>
    public IReadOnlyList<CommittedFile> PartitionFiles(string feed, DateOnly dt) =>
        _byPartition.TryGetValue((feed, dt), out var files) ? files : [];

    /// <summary>The absolute path of a committed file in the data folder of <paramref name="layout"/>.</summary>
    public static string FullPath(DataLayout layout, CommittedFile file)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(file);
        return Path.Combine(layout.Root, file.Path);
    }

    /// <summary>Committed files of the days [from, to] (all feeds) that are not in the data folder, or not of their committed size.</summary>
    public IReadOnlyList<CommittedFile> Missing(DataLayout layout, DateOnly from, DateOnly to) =>
        [.. Files.Where(f => f.Dt >= from && f.Dt <= to && !Present(layout, f))];

    /// <summary>Whether a committed file is there, at its committed size (cheap: no checksum).</summary>
    public static bool Present(DataLayout layout, CommittedFile file)
    {
        var info = new FileInfo(FullPath(layout, file));
        return info.Exists && (file.SizeBytes is null || info.Length == file.SizeBytes);
    }
}
