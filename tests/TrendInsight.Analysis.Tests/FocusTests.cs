using TrendInsight.Core;
using TrendInsight.Core.Config;

namespace TrendInsight.Analysis.Tests;

/// <summary><c>analysis.focus</c> on a copy of the analysed fixture lake (terms already built).</summary>
[Collection(AnalyzedLakeCollection.Name)]
public sealed class FocusTests
{
    private readonly AnalyzedLakeFixture _f;

    public FocusTests(AnalyzedLakeFixture fixture)
    {
        _f = fixture;
    }

    [Fact]
    public async Task Analyze_FocusOnOutdoor_RanksCampingButNotApparelTopics()
    {
        var copy = Path.Combine(Path.GetTempPath(), "trendinsight-focus-" + Guid.NewGuid().ToString("N"));
        try
        {
            Copy(_f.Root, copy);
            var config = new PipelineConfig();
            config.Engine.Threads = 2;
            config.Analysis.Focus = ["Outdoor"];
            var lexicon = Path.Combine(AppContext.BaseDirectory, "TestData", "lexicon");
            var service = new AnalyzeService(config, TimeProvider.System, null, lexicon, null);
            var layout = new DataLayout(copy);
            await service.AnalyzeAsync(layout, AnalyzedLakeFixture.AsOf, null, CancellationToken.None);

            Assert.Empty(service.LastBuiltDays);
            var top = service.TopTopics(layout, AnalyzedLakeFixture.AsOf, 10);
            Assert.Contains(top, t => t.Members.Contains("露营"));
            Assert.DoesNotContain(top, t => t.Members.Contains("马面裙"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task Analyze_LexiconCopiedElsewhereOrDocumented_TermsNotRebuiltUntilAWordChanges()
    {
        var copy = Path.Combine(Path.GetTempPath(), "trendinsight-stamp-" + Guid.NewGuid().ToString("N"));
        try
        {
            Copy(_f.Root, copy);
            // the same lexicon at another path, with fresh write times
            var lexicon = Path.Combine(copy, "lexicon");
            Directory.CreateDirectory(lexicon);
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "lexicon")))
            {
                File.Copy(file, Path.Combine(lexicon, Path.GetFileName(file)));
            }

            var layout = new DataLayout(copy);
            var service = new AnalyzeService(_f.Config, TimeProvider.System, null, lexicon, null);
            await service.AnalyzeAsync(layout, AnalyzedLakeFixture.AsOf, null, CancellationToken.None);
            Assert.Empty(service.LastBuiltDays);

            await File.WriteAllTextAsync(Path.Combine(lexicon, "README.md"), "# notes on the words\n");
            await service.AnalyzeAsync(layout, AnalyzedLakeFixture.AsOf, null, CancellationToken.None);
            Assert.Empty(service.LastBuiltDays);

            var words = Directory.GetFiles(lexicon, "*.txt")[0];
            await File.AppendAllTextAsync(words, "\n芋泥紫 colour\n");
            await service.AnalyzeAsync(layout, AnalyzedLakeFixture.AsOf, null, CancellationToken.None);
            Assert.Equal(_f.FirstBuiltDays, service.LastBuiltDays);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = file.Replace(from, to, StringComparison.Ordinal);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }
}
