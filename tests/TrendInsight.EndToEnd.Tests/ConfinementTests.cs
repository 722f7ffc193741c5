namespace TrendInsight.EndToEnd.Tests;

/// <summary>
/// The CLI stays inside the data folder: <c>sql</c> writes nothing without <c>--write</c> and never into
/// the lake or state with it, ingest follows no landing symlink, and patterns cannot leave landing.
/// </summary>
public sealed class ConfinementTests : IDisposable
{
    private const string End = "2026-11-20";
    private static readonly string[] LakeFeeds = ["comments", "content", "engagement", "products", "search"];
    private readonly string data = Directory.CreateTempSubdirectory("ti-e2e-confine-").FullName;
    private readonly string outside = Directory.CreateTempSubdirectory("ti-e2e-outside-").FullName;

    public void Dispose()
    {
        Directory.Delete(data, recursive: true);
        Directory.Delete(outside, recursive: true);
    }

    [Fact]
    public void Sql_WritesWithoutWrite_RefusedAndTheLakeUnchanged()
    {
        Ingest();
        var before = Fingerprint();
        var partition = Directory.GetDirectories(Path.Combine(data, "lake", "raw", "comments")).Order(StringComparer.Ordinal).First();
        var manifest = Path.Combine(data, "state", "ingest.duckdb");
        var manifestBytes = File.ReadAllBytes(manifest);

        string[] attempts =
        [
            $"COPY (SELECT * FROM comments) TO '{partition}/part-injected.parquet'",
            $"COPY (SELECT 'x') TO '{manifest}'",
            $"EXPORT DATABASE '{Path.Combine(data, "lake", "raw")}'",
            $"ATTACH '{manifest}' AS state",
            $"EXPLAIN ANALYZE COPY (SELECT * FROM comments) TO '{partition}/part-explained.parquet'",
            $"SELECT * FROM enable_logging(storage = 'file', storage_path = '{Path.Combine(data, "state")}')",
            $"SELECT * FROM \"enable_logging\"(storage = 'file', storage_path = '{Path.Combine(data, "lake")}')",
            "INSTALL httpfs",
            "LOAD httpfs",
            "SET enable_external_access = true",
            "SET autoinstall_known_extensions = true",
            "SELECT count(*) FROM read_csv('/etc/passwd')",
            $"COPY (SELECT 1) TO '{outside}/escape.csv'",
            $"SELECT 1; COPY (SELECT * FROM comments) TO '{partition}/part-injected2.parquet'",
        ];
        foreach (var sql in attempts)
        {
            var result = CliProcess.Run(null, "--data", data, "sql", sql);
            Assert.True(result.ExitCode != 0, $"{sql}\n{result}");
            Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(before, Fingerprint());
        Assert.Equal(manifestBytes, File.ReadAllBytes(manifest));
        Assert.Empty(Directory.GetFiles(partition, "part-injected*"));
        Assert.Empty(Directory.GetFiles(outside));

        // The next delivery is ingested as usual, next to the untouched rows.
        File.WriteAllText(Path.Combine(data, "landing", "comments", "late.jsonl"),
            "{\"event_id\": \"late-1\", \"ts\": \"2026-11-20T21:00:00+08:00\", \"content_id\": \"n-late\", \"text\": \"国风汉服真好看\"}\n");
        var next = CliProcess.Run(null, "--data", data, "ingest");
        Assert.True(next.ExitCode == 0, next.ToString());
        var late = CliProcess.Run(null, "--data", data, "sql", "SELECT count(*) FROM comments WHERE event_id = 'late-1'", "--format", "csv");
        Assert.Equal("1", late.Stdout.TrimEnd().Split('\n')[1]);
        Assert.Equal(before.Split('\n').Where(l => !l.StartsWith("comments", StringComparison.Ordinal)), Fingerprint().Split('\n').Where(l => !l.StartsWith("comments", StringComparison.Ordinal)));
    }

    [Fact]
    public void Sql_InstallHttpfs_RefusedWithoutTryingTheNetwork()
    {
        var result = CliProcess.Run(null, "--data", data, "sql", "INSTALL httpfs");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not available", result.Stderr, StringComparison.Ordinal);
        var settings = CliProcess.Run(null, "--data", data, "sql",
            "SELECT bool_or(value = 'true') AS any_on FROM duckdb_settings() WHERE name IN "
            + "('enable_external_access', 'autoinstall_known_extensions', 'autoload_known_extensions', 'allow_community_extensions')",
            "--format", "csv");
        Assert.Equal("false", settings.Stdout.TrimEnd().Split('\n')[1]);
    }

    [Fact]
    public void Sql_WithWrite_CopiesUnderReportsOrOutButNeverIntoLakeOrState()
    {
        Ingest();
        var before = Fingerprint();
        var lake = CliProcess.Run(null, "--data", data, "sql", $"COPY (SELECT * FROM comments) TO '{Path.Combine(data, "lake", "raw", "comments", "part-x.parquet")}'", "--write");
        var state = CliProcess.Run(null, "--data", data, "sql", $"COPY (SELECT 'x') TO '{Path.Combine(data, "state", "ingest.duckdb")}'", "--write");
        var attach = CliProcess.Run(null, "--data", data, "sql", $"ATTACH '{Path.Combine(data, "state", "ingest.duckdb")}'", "--write");

        foreach (var refused in new[] { lake, state, attach })
        {
            Assert.True(refused.ExitCode != 0, refused.ToString());
            Assert.DoesNotContain("   at ", refused.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("reports/", lake.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint());

        var report = Path.Combine(data, "reports", "sql", "top-comments.csv");
        var copied = CliProcess.Run(null, "--data", data, "sql", $"COPY (SELECT text FROM comments ORDER BY likes DESC LIMIT 5) TO '{report}'", "--write");
        Assert.True(copied.ExitCode == 0, copied.ToString());
        Assert.True(File.Exists(report));
        var elsewhere = Path.Combine(outside, "trends.csv");
        var outCopy = CliProcess.Run(null, "--data", data, "sql", $"COPY (SELECT count(*) AS n FROM search) TO '{elsewhere}'", "--write", "--out-dir", outside);
        Assert.True(outCopy.ExitCode == 0, outCopy.ToString());
        Assert.True(File.Exists(elsewhere));
    }

    [Fact]
    public void Sql_ReadsTheDataFolderButNothingElse()
    {
        Ingest();
        var quarantine = CliProcess.Run(null, "--data", data, "sql",
            $"SELECT count(*) > 0 AS some FROM read_json('{Path.Combine(data, "quarantine")}/*/*/*.jsonl')", "--format", "csv");
        Assert.True(quarantine.ExitCode == 0, quarantine.ToString());
        Assert.Equal("true", quarantine.Stdout.TrimEnd().Split('\n')[1]);

        var relative = CliProcess.Run(null, "--data", data, "sql",
            "SELECT count(*) > 0 AS some FROM read_parquet('lake/raw/search/*/*.parquet')", "--format", "csv");
        Assert.True(relative.ExitCode == 0, relative.ToString());
        Assert.Equal("true", relative.Stdout.TrimEnd().Split('\n')[1]);

        File.WriteAllText(Path.Combine(outside, "secret.csv"), "供应商,底价\n甲,12.5\n");
        var upward = CliProcess.Run(null, "--data", data, "sql", $"SELECT * FROM read_csv('../{Path.GetFileName(outside)}/secret.csv')");
        Assert.NotEqual(0, upward.ExitCode);
        Assert.Contains("disabled by configuration", upward.Stderr, StringComparison.Ordinal);
        var escape = CliProcess.Run(null, "--data", data, "sql", $"SELECT * FROM read_csv('{outside}/secret.csv')");
        Assert.NotEqual(0, escape.ExitCode);
        Assert.Contains("disabled by configuration", escape.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_SymlinkedLandingFileAndFolder_NotReadAndListedInTheSummary()
    {
        var comments = Path.Combine(data, "landing", "comments");
        Directory.CreateDirectory(comments);
        File.WriteAllText(Path.Combine(comments, "ok.jsonl"), "{\"event_id\": \"c1\", \"ts\": \"2026-11-19T10:00:00+08:00\", \"content_id\": \"n1\", \"text\": \"露营真好\"}\n");
        var secret = Path.Combine(outside, "shadow.jsonl");
        File.WriteAllText(secret, "root:$6$salt$hash:20000:0:99999:7:::\n");
        File.CreateSymbolicLink(Path.Combine(comments, "s.jsonl"), secret);
        Directory.CreateSymbolicLink(Path.Combine(data, "landing", "search"), outside);

        var result = CliProcess.Run(null, "--data", data, "ingest");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("not read", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 landing entries not read", result.Stdout.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var quarantine = Path.Combine(data, "quarantine");
        Assert.False(Directory.Exists(quarantine) && Directory.EnumerateFiles(quarantine, "*", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains("root:", StringComparison.Ordinal)));
        var accepted = CliProcess.Run(null, "--data", data, "sql", "SELECT count(*) FROM comments", "--format", "csv");
        Assert.Equal("1", accepted.Stdout.TrimEnd().Split('\n')[1]);
        var log = string.Concat(Directory.GetFiles(Path.Combine(data, "state", "logs")).Select(File.ReadAllText));
        Assert.Contains("s.jsonl", log, StringComparison.Ordinal);
        Assert.Contains("symbolic link", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_PatternWithDotDot_OneLineErrorNamingTheKey()
    {
        var config = Path.Combine(outside, "escape.yaml");
        File.WriteAllText(config, "ingest:\n  patterns: [\"*.jsonl\", \"../../../../etc/*.conf\"]\n");

        var result = CliProcess.Run(null, "--data", data, "--config", config, "ingest");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ingest.patterns[1]", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("DirectoryNotFoundException", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(data, "lake")));
    }

    [Fact]
    public void Ingest_EmptyConfig_OneLineErrorNamingTheFile()
    {
        var config = Path.Combine(outside, "empty.yaml");
        File.WriteAllText(config, string.Empty);

        var result = CliProcess.Run(null, "--data", data, "--config", config, "ingest");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(config, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private void Ingest()
    {
        var simulated = CliProcess.Run(null, "--data", data, "simulate", "--days", "4", "--end", End, "--seed", "5", "--scale", "0.01", "--out", Path.Combine(data, "landing"));
        Assert.True(simulated.ExitCode == 0, simulated.ToString());
        // Exit code 3: the simulator plants bad rows, which ingest quarantines.
        var ingested = CliProcess.Run(null, "--data", data, "ingest");
        Assert.True(ingested.ExitCode == 3, ingested.ToString());
    }

    /// <summary>Per feed: row count and <c>sum(hash(columns(*)))</c> over the lake's view.</summary>
    private string Fingerprint() => string.Join("\n", LakeFeeds.Select(feed =>
    {
        var result = CliProcess.Run(null, "--data", data, "sql", $"SELECT count(*) AS n, sum(hash(columns(*))) FROM {feed}", "--format", "csv");
        Assert.True(result.ExitCode == 0, result.ToString());
        return feed + ": " + result.Stdout.TrimEnd().Split('\n')[1];
    }));
}
