using System.Globalization;
using TrendInsight.Core;
using TrendInsight.Core.Config;

namespace TrendInsight.Ingest.Tests;

/// <summary>
/// Entry point used only by the crash tests: <c>dotnet TrendInsight.Ingest.Tests.dll ingest DATA LANDING NOW</c>
/// runs one ingest (pausing where <see cref="IngestService.PauseVariable"/> says) so the test can SIGKILL it.
/// </summary>
internal static class ChildProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length != 4 || args[0] != "ingest")
        {
            await Console.Error.WriteLineAsync("usage: ingest DATA LANDING NOW");
            return 2;
        }

        var clock = new FakeTimeProvider(DateTimeOffset.Parse(args[3], CultureInfo.InvariantCulture));
        var service = new IngestService(new PipelineConfig(), clock) { LandingFolder = args[2] };
        var summary = await service.IngestAsync(new DataLayout(args[1]), null, null, CancellationToken.None);
        Console.WriteLine(summary.Accepted.ToString(CultureInfo.InvariantCulture));
        return 0;
    }
}
