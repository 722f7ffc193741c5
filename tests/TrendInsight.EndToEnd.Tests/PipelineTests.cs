using System.Text.Json;

namespace TrendInsight.EndToEnd.Tests;

/// <summary>The whole pipeline on a small simulated world, through the CLI as a data engineer runs it.</summary>
public sealed class PipelineTests : IDisposable
{
    private const string End = "2026-11-20";
    private readonly string data = Directory.CreateTempSubdirectory("ti-e2e-run-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact]
    public void Run_SimulatedDays_WritesLakeWarehouseAndReportAndAccountsForEveryRow()
    {
        var landing = Path.Combine(data, "landing");
        var simulated = CliProcess.Run(null, "--data", data, "simulate", "--days", "42", "--end", End, "--seed", "11", "--scale", "0.02", "--out", landing);
        Assert.True(simulated.ExitCode == 0, simulated.ToString());

        // Exit code 3: the simulator plants bad rows, and a run that quarantined rows says so.
        var run = CliProcess.Run(null, "--data", data, "run", "--date", End);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.DoesNotContain("not read:", run.Stdout, StringComparison.Ordinal);

        var report = Path.Combine(data, "reports", End, "trend-report.html");
        Assert.True(File.Exists(report), run.ToString());
        Assert.True(File.Exists(Path.ChangeExtension(report, ".xlsx")));
        Assert.True(File.Exists(Path.ChangeExtension(report, ".md")));
        Assert.DoesNotContain("<script>alert(1)</script>", File.ReadAllText(report), StringComparison.Ordinal);

        // Every landing row is accepted, quarantined or a duplicate; the warehouse sees the lake.
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(landing, "ground_truth.json"))).RootElement;
        var lake = CliProcess.Run(null, "--data", data, "sql",
            "select (select count(*) from search) + (select count(*) from comments) + (select count(*) from engagement) as events, "
            + "(select count(*) from trends) as trends", "--format", "json");
        Assert.True(lake.ExitCode == 0, lake.ToString());
        var row = JsonDocument.Parse(lake.Stdout).RootElement[0];
        Assert.True(row.GetProperty("events").GetInt64() > 0, lake.Stdout);
        Assert.True(row.GetProperty("trends").GetInt64() > 0, lake.Stdout);
        Assert.True(truth.TryGetProperty("accounting", out _));

        // The analysed topics scored against what the simulator planted.
        var evaluated = CliProcess.Run(null, "--data", data, "evaluate", "--truth", Path.Combine(landing, "ground_truth.json"));
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        Assert.Contains(End + "  precision@10", evaluated.Stdout, StringComparison.Ordinal);
        Assert.Contains("summary " + End + ".." + End + " (1 dates)", evaluated.Stdout, StringComparison.Ordinal);

        // A second run of the same day changes nothing: files already ingested are skipped.
        var again = CliProcess.Run(null, "--data", data, "run", "--date", End);
        Assert.True(again.ExitCode == 0, again.ToString());
        var after = CliProcess.Run(null, "--data", data, "sql",
            "select (select count(*) from search) + (select count(*) from comments) + (select count(*) from engagement) as events", "--format", "json");
        Assert.Equal(row.GetProperty("events").GetInt64(), JsonDocument.Parse(after.Stdout).RootElement[0].GetProperty("events").GetInt64());
    }

    [Fact]
    public void Segment_StdinLines_OneOutputLinePerInputLine()
    {
        var result = CliProcess.Run("今年秋冬流行美拉德穿搭\n\n露营装备推荐\n", "segment");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal(string.Empty, lines[1]);
        Assert.Equal("今年 秋冬 流行 美拉德穿搭", lines[0]);
    }
}
