using System.Text;
using System.Text.Json;
using TrendInsight.Core;
using TrendInsight.Core.Config;
using TrendInsight.Core.Pipeline;
using TrendInsight.DuckDb;

namespace TrendInsight.Ingest.Tests;

/// <summary>A throw-away data folder with landing files, an ingest service on a fixed clock, and readers for what it wrote.</summary>
internal sealed class IngestHarness : IDisposable
{
    /// <summary>2026-11-12 12:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 12, 4, 0, 0, TimeSpan.Zero);

    public IngestHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "ti-ingest-" + Guid.NewGuid().ToString("N"));
        Layout = new DataLayout(Root);
        Clock = new FakeTimeProvider(Now);
    }

    public string Root { get; }
    public DataLayout Layout { get; }
    public FakeTimeProvider Clock { get; }
    public PipelineConfig Config { get; } = new() { Engine = { Threads = 1 } };
    public IngestService? Last { get; private set; }

    /// <summary>How many id files a feed may have before a run folds them into the manifest's seen_ids.</summary>
    public int IdFilesPerFeed { get; set; } = 32;

    /// <summary>A scalar from the ingest manifest (tables unqualified), read-only.</summary>
    public T Manifest<T>(string sql)
    {
        using var db = DuckDbDatabase.Open(Layout.Manifest, new DuckDbConfig { ReadOnly = true, Threads = 1 });
        using var conn = db.Connect();
        return conn.Scalar<T>(sql);
    }

    public string Write(string feed, string name, string text, Encoding? encoding = null) =>
        WriteBytes(feed, name, (encoding ?? new UTF8Encoding(false)).GetBytes(text));

    public string WriteBytes(string feed, string name, byte[] bytes)
    {
        var folder = Layout.LandingFeed(feed);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static string Lines(params object[] rows) =>
        string.Concat(rows.Select(r => (r as string ?? JsonSerializer.Serialize(r, JsonOptions)) + "\n"));

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs an ingest and asserts the accounting identity for the run and each feed.</summary>
    public IngestSummary Run(string? feed = null, Func<string, Stream>? open = null)
    {
        Last = new IngestService(Config, Clock) { OpenLanding = open ?? Reading.FileProbe.Open, IdFilesPerFeed = IdFilesPerFeed };
        var summary = Last.IngestAsync(Layout, feed, null, CancellationToken.None).GetAwaiter().GetResult();
        AssertIdentity(summary);
        return summary;
    }

    public static void AssertIdentity(IngestSummary summary)
    {
        Assert.Equal(summary.RowsRead, summary.Accepted + summary.Quarantined + summary.Duplicates);
    }

    public void AssertFeedIdentity()
    {
        foreach (var t in Last!.LastFeeds)
        {
            Assert.Equal(t.RowsRead, t.Accepted + t.Quarantined + t.Duplicates);
        }
    }

    /// <summary>Rows of a feed in the lake, as the warehouse view reads them (hive partitioning gives <c>dt</c>).</summary>
    public List<Dictionary<string, object?>> Lake(string feed, string orderBy = "1")
    {
        var folder = Layout.RawFeed(feed);
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Any())
        {
            return [];
        }

        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 });
        using var conn = db.Connect();
        var glob = Path.Combine(folder, "*=*", "*.parquet").Replace("'", "''", StringComparison.Ordinal);
        using var reader = conn.ExecuteReader($"SELECT * FROM read_parquet('{glob}', hive_partitioning = true) ORDER BY {orderBy}");
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.GetNaturalValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// <c>sum(hash(row))</c> over a feed's lake rows without <c>source_file</c> (the landing file's name): equal for two
    /// data folders that hold the same rows. "0" for an empty feed.
    /// </summary>
    public string LakeHash(string feed)
    {
        var folder = Layout.RawFeed(feed);
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Any())
        {
            return "0";
        }

        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 });
        using var conn = db.Connect();
        var glob = Path.Combine(folder, "*=*", "*.parquet").Replace("'", "''", StringComparison.Ordinal);
        return conn.Scalar<string>($"SELECT coalesce(sum(hash(r))::VARCHAR, '0') FROM (SELECT * EXCLUDE (source_file) FROM read_parquet('{glob}', hive_partitioning = true)) r");
    }

    /// <summary>Quarantine records of a feed as JSON objects (all runs), for fields beyond the usual ones.</summary>
    public List<JsonElement> QuarantineRecords(string feed)
    {
        var folder = Path.Combine(Layout.Quarantine, feed);
        return !Directory.Exists(folder) ? []
            : [.. Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .SelectMany(File.ReadLines).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    /// <summary>Quarantined rows of a feed (all runs, all partitions).</summary>
    public List<(string Dt, string SourceFile, long Line, string Reason, string Raw)> Quarantine(string feed)
    {
        var folder = Path.Combine(Layout.Quarantine, feed);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var rows = new List<(string, string, long, string, string)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var dt = Path.GetFileName(Path.GetDirectoryName(file))!;
            foreach (var line in File.ReadLines(file))
            {
                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                rows.Add((dt, r.GetProperty("source_file").GetString()!, r.GetProperty("line").GetInt64(),
                    r.GetProperty("reason").GetString()!, r.GetProperty("raw").GetString()!));
            }
        }

        return rows;
    }

    public string QuarantineReason(string feed) => Assert.Single(Quarantine(feed)).Reason;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
