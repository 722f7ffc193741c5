using DuckDB.NET.Data;

namespace TrendInsight.EndToEnd.Tests;

/// <summary>
/// The CLI as cron, CI and a shell pipe run it (stdout and stderr redirected): no escape sequence, progress on
/// stderr, tables as plain aligned text, failures as one line with the log file and an exit code that says what
/// failed, and a <c>status</c> that opens with a summary.
/// </summary>
public sealed class OutputTests(OutputFixture world) : IClassFixture<OutputFixture>
{
    /// <summary>A colour terminal type, and neither NO_COLOR nor COLUMNS: the redirection alone must make the output plain.</summary>
    internal static readonly IReadOnlyDictionary<string, string?> Piped = new Dictionary<string, string?>
    {
        ["TERM"] = "xterm-256color",
        ["NO_COLOR"] = null,
        ["COLUMNS"] = null,
    };

    private const string StackFrame = "   at ";

    private CliResult Cli(params string[] args) => CliProcess.RunWith(Piped, ["--data", world.Data, .. args]);

    /// <summary>What an ingest that counts segment values outside the contract leaves in the manifest for its run.</summary>
    private void RecordUnknownSegmentValues(params (string Feed, string Field, string Value, long Rows)[] values)
    {
        using var conn = new DuckDBConnection("Data Source=" + Path.Combine(world.Data, "state", "ingest.duckdb"));
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "CREATE TABLE IF NOT EXISTS unknown_segment_values(run_id VARCHAR, feed VARCHAR, field VARCHAR, value VARCHAR, rows BIGINT)";
        cmd.ExecuteNonQuery();
        foreach (var (feed, field, value, rows) in values)
        {
            cmd.CommandText = "INSERT INTO unknown_segment_values SELECT run_id, $feed, $field, $value, $rows FROM runs ORDER BY started_at DESC LIMIT 1";
            cmd.Parameters.Clear();
            cmd.Parameters.Add(new DuckDBParameter("feed", feed));
            cmd.Parameters.Add(new DuckDBParameter("field", field));
            cmd.Parameters.Add(new DuckDBParameter("value", value));
            cmd.Parameters.Add(new DuckDBParameter("rows", rows));
            cmd.ExecuteNonQuery();
        }
    }

    [Fact]
    public void Ingest_Piped_NoEscapesProgressOnStderrAndNumbersWhole()
    {
        var result = world.Ingest;

        Assert.True(result.ExitCode is 0 or 3, result.ToString());
        Assert.DoesNotContain('\u001b', result.Stdout + result.Stderr);
        Assert.Contains("ingest: scanning landing files", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("scanning", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("rows read ", result.Stdout, StringComparison.Ordinal);

        // One line a feed, the header's columns over the numbers: nothing wrapped or cut.
        var lines = result.Stdout.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("feed ", StringComparison.Ordinal) && l.Contains("rows read", StringComparison.Ordinal));
        Assert.True(header >= 0, result.Stdout);
        Assert.StartsWith("---", lines[header + 1], StringComparison.Ordinal);
        var search = lines[header..].First(l => l.StartsWith("search ", StringComparison.Ordinal));
        var end = lines[header].IndexOf("rows read", StringComparison.Ordinal) + "rows read".Length;
        Assert.True(char.IsAsciiDigit(search[end - 1]) && search[end] == ' ', search);
    }

    [Fact]
    public void Status_SchedulerRunningThenKilled_SaysWhetherOneRuns()
    {
        var marker = Path.Combine(world.Data, "state");
        using var scheduler = CliProcess.Start(new Dictionary<string, string>(), "--data", world.Data, "schedule",
            "--ingest-cron", "0 0 3 1 1 ? 2099", "--analyze-cron", "0 0 3 1 1 ? 2099", "--report-cron", "0 0 3 1 1 ? 2099");
        CliResult running;
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            do
            {
                Thread.Sleep(500);
                running = Cli("status");
            }
            while (!(running.Stdout.Contains("scheduler: running", StringComparison.Ordinal) && running.Stdout.Contains("schedule (sqlite job store)", StringComparison.Ordinal))
                && !scheduler.HasExited && DateTime.UtcNow < deadline);
        }
        finally
        {
            scheduler.Kill(entireProcessTree: true);
            scheduler.WaitForExit();
        }

        var stopped = Cli("status");

        Assert.Contains($"scheduler: running {Environment.MachineName}:{scheduler.Id}, sqlite job store, since ", running.Stdout, StringComparison.Ordinal);
        Assert.Contains(running.Stdout.Split('\n'), l => l.StartsWith("ingest ", StringComparison.Ordinal) && l.Contains("2099-01-01 03:00:00", StringComparison.Ordinal));
        Assert.Contains("scheduler: no scheduler running", stopped.Stdout, StringComparison.Ordinal);
        Assert.Contains("schedule (sqlite job store): no scheduler running, nothing fires", stopped.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("WAITING", stopped.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(marker, "scheduler-*.lock"));
    }

    [Fact]
    public void Sql_WarehouseLockedByAnotherProcess_ExitsTransientWithOneLine()
    {
        string stderr;
        int exitCode;
        using (var holder = new DuckDBConnection("Data Source=" + Path.Combine(world.Data, "warehouse.duckdb")))
        {
            holder.Open();
            var result = Cli("sql", "select count(*) from search");
            (stderr, exitCode) = (result.Stderr, result.ExitCode);
            Assert.DoesNotContain(StackFrame, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }

        Assert.True(exitCode == 75, stderr);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_ReportFolderIsAFile_OneLineWithTheCauseAndTheLogNoStackTrace()
    {
        var reports = Path.Combine(world.Data, "reports");
        File.WriteAllText(reports, "not a folder");
        try
        {
            var result = Cli("run", "--date", OutputFixture.LastDay);

            Assert.True(result.ExitCode == 1, result.ToString());
            var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
            Assert.Contains("cannot create the report folder " + Path.Combine(reports, OutputFixture.LastDay), error, StringComparison.Ordinal);
            var log = error[(error.IndexOf("(details: ", StringComparison.Ordinal) + "(details: ".Length)..^1];
            Assert.Contains(StackFrame, File.ReadAllText(log), StringComparison.Ordinal);
            Assert.DoesNotContain(StackFrame, result.Stdout + result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain('\u001b', result.Stdout + result.Stderr);
        }
        finally
        {
            File.Delete(reports);
        }
    }

    [Fact]
    public void Report_DayNeverAnalysed_ExitsOneSayingToAnalyzeAndWritesNothing()
    {
        var result = Cli("report", "--date", "2026-11-19");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error: 2026-11-19 has not been analysed", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("run `trendinsight analyze --date 2026-11-19` first", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(details: " + Path.Combine(world.Data, "state", "logs"), result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Stdout + result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(world.Data, "reports", "2026-11-19")));
    }

    [Fact]
    public void Analyze_DayAfterTheLastDataDay_ExitsOneNamingTheLastDay()
    {
        var result = Cli("analyze", "--date", "2027-01-01");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"cannot analyze 2027-01-01: the last day with data in the lake is {OutputFixture.LastDay}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(world.Data, "lake", "marts", "topics", "dt=2027-01-01")));
    }

    [Fact]
    public void Backfill_RangePastTheLastDataDay_ExitsOneBeforeAnalysingAnything()
    {
        var result = Cli("backfill", "--from", "2026-11-19", "--to", "2026-11-25");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"the last day with data in the lake is {OutputFixture.LastDay}", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(world.Data, "lake", "marts", "topics", "dt=2026-11-19")));
    }

    [Fact]
    public void Commands_BadConfigAndBadUsage_OneLineOrUsageErrorNeverAStackTrace()
    {
        var config = Path.Combine(world.Data, "bad.yaml");
        File.WriteAllText(config, "analysis:\n  recent_days: seven\n");

        var badConfig = Cli("--config", config, "status");
        var badDate = Cli("analyze", "--date", "2026-13-01");
        var unknownOption = Cli("analyze", "--bogus");

        Assert.True(badConfig.ExitCode == 1, badConfig.ToString());
        Assert.Contains("recent_days: expected a whole number, found 'seven'", badConfig.Stderr, StringComparison.Ordinal);
        Assert.Single(badConfig.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(badDate.ExitCode == 2, badDate.ToString());
        Assert.True(unknownOption.ExitCode == 2, unknownOption.ToString());
        Assert.DoesNotContain(StackFrame, badConfig.Stderr + badDate.Stderr + unknownOption.Stdout + unknownOption.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_AfterIngestAndAFailedAnalyze_OpensWithTheSummary()
    {
        Cli("analyze", "--date", "2027-02-01");
        // Beside the values the simulated world's own odd spellings leave (海外, 0 …), more rows than any of those.
        RecordUnknownSegmentValues(("comments", "city_tier", "一线", 120_000), ("search", "age_band", "18-24", 30_000));

        var result = Cli("status");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain('\u001b', result.Stdout + result.Stderr);
        var lines = result.Stdout.Split('\n');
        Assert.StartsWith($"status of {world.Data} at ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("(times in Asia/Shanghai)", lines[0], StringComparison.Ordinal);
        Assert.Equal("scheduler: no scheduler running on this data folder (`trendinsight schedule` starts one)", lines[1]);
        Assert.Equal("freshness per feed (last event day from the committed lake files)", lines[2]);
        Assert.Matches(@"^search +2026-11-20 +\d+ +7 +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", lines.First(l => l.StartsWith("search ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("analyze  2027-02-01  ", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("failures: ", StringComparison.Ordinal) && l.Contains("latest: analyze", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("last ingest with new rows: run ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  unknown segment values: comments.city_tier=一线 120,000, search.age_band=18-24 30,000, ", StringComparison.Ordinal));

        // Partitions as one range a feed, each day only with --partitions.
        Assert.Contains(lines, l => l.StartsWith("search ", StringComparison.Ordinal) && l.Contains("2026-11-14  2026-11-20     7", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("search      2026-11-17", StringComparison.Ordinal));
        var every = Cli("status", "--partitions");
        Assert.Contains(every.Stdout.Split('\n'), l => l.StartsWith("search      2026-11-17", StringComparison.Ordinal));

        // Tables as CSV for scripts.
        var csv = Cli("status", "--csv").Stdout.Split('\n');
        var freshness = Array.IndexOf(csv, "# freshness per feed (last event day from the committed lake files)");
        Assert.True(freshness > 0, string.Join('\n', csv));
        Assert.Equal("feed,last event day,days behind,days with data,last ingest of new files", csv[freshness + 1]);
        Assert.StartsWith("search,2026-11-20,", csv[freshness + 2], StringComparison.Ordinal);
    }
}
