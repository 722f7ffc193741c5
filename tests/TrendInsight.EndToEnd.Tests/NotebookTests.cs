using System.Text.RegularExpressions;

namespace TrendInsight.EndToEnd.Tests;

/// <summary>
/// Every SQL query of docs/notebook.md runs through <c>trendinsight sql</c> against a simulated lake and
/// returns rows, so the page a notebook user copies from never goes stale.
/// </summary>
[Collection(SimulatedWorldCollection.Name)]
public sealed partial class NotebookTests
{
    private readonly ReportConsistencyTests.World world;

    public NotebookTests(ReportConsistencyTests.World world)
    {
        this.world = world;
    }

    public static TheoryData<string> Queries()
    {
        var data = new TheoryData<string>();
        foreach (Match m in SqlBlock().Matches(File.ReadAllText(Path.Combine(RepoRoot(), "docs", "notebook.md"))))
        {
            data.Add(m.Groups[1].Value.Trim());
        }

        return data;
    }

    [Fact]
    public void NotebookPage_HasQueries()
    {
        var count = Queries().Count;
        Assert.True(count >= 5, $"{count} sql blocks in docs/notebook.md");
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void NotebookQuery_OnTheSimulatedLake_ReturnsRows(string query)
    {
        var result = CliProcess.Run(null, "--data", world.Data, "sql", query, "--format", "csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, $"no rows for:\n{query}\n{result}");
    }

    [Fact]
    public void LatestTopics_HoldOnlyTheLatestAnalysisDate()
    {
        var result = CliProcess.Run(null, "--data", world.Data, "sql",
            "SELECT (SELECT count(DISTINCT dt) FROM topics) AS dates, count(DISTINCT dt) AS latest_dates, max(dt) = (SELECT max(dt) FROM topics) AS is_latest FROM latest_topics",
            "--format", "csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["dates,latest_dates,is_latest", "2,1,true"], result.Stdout.TrimEnd().Split('\n'));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "notebook.md")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("docs/notebook.md above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"```sql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
