namespace TrendInsight.EndToEnd.Tests;

/// <summary>A small simulated world (2026-11-14 … 2026-11-20), ingested once, shared by <see cref="OutputTests"/>.</summary>
public sealed class OutputFixture : IDisposable
{
    public const string LastDay = "2026-11-20";

    public OutputFixture()
    {
        var landing = Path.Combine(Data, "landing");
        var simulated = CliProcess.Run(null, "--data", Data, "simulate", "--days", "7", "--end", LastDay, "--seed", "13", "--scale", "0.01", "--out", landing);
        if (simulated.ExitCode != 0)
        {
            throw new InvalidOperationException(simulated.ToString());
        }

        // As a cron job or CI runs it: stdout and stderr into files, a terminal type set, no NO_COLOR.
        Ingest = CliProcess.RunWith(OutputTests.Piped, "--data", Data, "ingest");
    }

    public string Data { get; } = Directory.CreateTempSubdirectory("ti-e2e-output-").FullName;

    /// <summary>The ingest of the simulated landing files, piped.</summary>
    public CliResult Ingest { get; }

    public void Dispose() => Directory.Delete(Data, recursive: true);
}
