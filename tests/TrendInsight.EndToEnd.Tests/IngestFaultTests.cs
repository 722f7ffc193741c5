using System.IO.Compression;
using System.Text;

namespace TrendInsight.EndToEnd.Tests;

/// <summary>Odd landing input through <c>trendinsight ingest</c>: never a crash or a stack trace, and the exit code says whether anything was rejected.</summary>
public sealed class IngestFaultTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("ti-e2e-faults-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    private string Landing(string feed, string name)
    {
        var folder = Path.Combine(data, "landing", feed);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private static string Comment(string id, string ts, string text) =>
        $"{{\"event_id\": \"{id}\", \"ts\": \"{ts}\", \"content_id\": \"n-1\", \"text\": \"{text}\"}}\n";

    [Fact]
    public void Ingest_CleanLanding_ExitsZero()
    {
        File.WriteAllText(Landing("comments", "c.jsonl"), Comment("c1", "2026-11-10T12:00:00+08:00", "国风汉服 秋冬款"));

        var result = CliProcess.Run(null, "--data", data, "ingest");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Ingest_PoisonInput_ExitsThreeWithReasonsAndNoStackTrace()
    {
        // Full-width and Arabic-Indic digits, a gzip that expands to one 30 MB line, random bytes named .gz, a lone-CR file.
        File.WriteAllText(Landing("comments", "a.jsonl"),
            Comment("c1", "２０２６-11-10T12:00:00+08:00", "露营") + Comment("c2", "2026-11-10T12:00:00+0٨:00", "国风") + Comment("c3", "0000-01-01T00:00:00", "复古"));
        using (var gz = new GZipStream(File.Create(Landing("comments", "b.jsonl.gz")), CompressionLevel.Optimal))
        {
            gz.Write(Encoding.UTF8.GetBytes(Comment("c4", "2026-11-10T12:00:00+08:00", new string('露', 10_000_000))));
        }

        var noise = new byte[40_000];
        new Random(15).NextBytes(noise);
        noise[0] = 0x42;
        File.WriteAllBytes(Landing("comments", "c.jsonl.gz"), noise);
        File.WriteAllText(Landing("search", "s.jsonl"), "{\"event_id\": \"s1\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"query\": \"露营椅\"}\r{\"event_id\": \"s2\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"query\": \"天幕\"}\r");

        var result = CliProcess.Run(null, "--data", data, "ingest");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("rows read 6 = accepted 4 + quarantined 2 + duplicates 0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 files rejected", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("not_gzip", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("line_too_long", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("bad_timestamp", result.Stdout, StringComparison.Ordinal);

        var status = CliProcess.Run(null, "--data", data, "status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("landing files rejected", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("c.jsonl.gz", status.Stdout, StringComparison.Ordinal);

        // Nothing new: the rejected file is not read again while unchanged, and the run is clean.
        var again = CliProcess.Run(null, "--data", data, "ingest");
        Assert.True(again.ExitCode == 0, again.ToString());
    }
}
