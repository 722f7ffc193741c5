using TrendInsight.Core.Contract;

namespace TrendInsight.Core.Tests.Contract;

/// <summary>docs/landing-contract.md holds the tables <see cref="ContractDoc"/> writes from the code, and its examples exist.</summary>
public sealed class ContractDocTests
{
    private static string DocPath => Path.Combine(AssetLocator.Root, "docs", "landing-contract.md");

    [Fact]
    public void Tables_Document_MatchesCode()
    {
        var doc = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var start = doc.IndexOf(ContractDoc.Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(ContractDoc.End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{DocPath} lacks the generated part ({ContractDoc.Begin} … {ContractDoc.End})");
        var written = doc[start..(end + ContractDoc.End.Length + 1)];

        // make contract-doc: rewrite the generated part from the code instead of checking it.
        if (Environment.GetEnvironmentVariable("TI_WRITE_CONTRACT_DOC") == "1")
        {
            File.WriteAllText(DocPath, doc.Replace(written, ContractDoc.Tables(), StringComparison.Ordinal));
            return;
        }

        Assert.Equal(ContractDoc.Tables(), written);
    }

    [Fact]
    public void Examples_EveryFeed_HasJsonlCsvAndParquet()
    {
        var samples = Path.Combine(AssetLocator.Root, "data", "samples", "contract");
        var doc = File.ReadAllText(DocPath);
        foreach (var feed in LandingContract.Feeds)
        {
            var files = Directory.GetFiles(Path.Combine(samples, feed.Feed)).Select(Path.GetFileName).ToList();
            Assert.Contains(files, f => f!.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".jsonl.gz", StringComparison.Ordinal));
            Assert.Contains(files, f => f!.EndsWith(".csv", StringComparison.Ordinal));
            Assert.Contains(files, f => f!.EndsWith(".parquet", StringComparison.Ordinal));
            Assert.All(files, f => Assert.Contains($"data/samples/contract/{feed.Feed}/{f}", doc, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CsvExamples_Header_IsTheContractsFieldOrder()
    {
        foreach (var feed in LandingContract.Feeds)
        {
            var header = File.ReadLines(Path.Combine(AssetLocator.Root, "data", "samples", "contract", feed.Feed, feed.Feed + ".csv")).First();
            Assert.Equal(string.Join(',', feed.Fields.Select(f => f.Name)), header);
        }
    }
}
