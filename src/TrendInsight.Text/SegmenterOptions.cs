using TrendInsight.Core;
using TrendInsight.Core.Config;

namespace TrendInsight.Text;

/// <summary>What <see cref="JiebaSegmenter.Load(SegmenterOptions)"/> reads. Null paths mean the defaults.</summary>
public sealed record SegmenterOptions
{
    /// <summary>The main dictionary (<c>word freq [tag]</c> lines). Default: jieba.NET's <c>dict.txt</c>.</summary>
    public string? DictionaryPath { get; init; }

    /// <summary>
    /// A folder holding the HMM model: jieba.NET's <c>prob_trans.json</c> and <c>prob_emit.json</c>, or
    /// python jieba's <c>finalseg/prob_*.py</c>. Default: jieba.NET's tables (<see cref="JiebaData"/>).
    /// </summary>
    public string? HmmModelPath { get; init; }

    /// <summary>User dictionaries (<c>word [freq] [tag]</c> lines), loaded in order after the main dictionary and the lexicon.</summary>
    public IReadOnlyList<string> UserDictionaries { get; init; } = [];

    /// <summary>
    /// Adds a lower-case twin of each main-dictionary word with upper-case Latin letters (T恤 → t恤,
    /// 卡拉OK → 卡拉ok) before the lexicon, since normalised text is lower-cased. Off for jieba's exact
    /// behaviour; on in <see cref="ForPipeline(TextConfig)"/>.
    /// </summary>
    public bool LowerCaseTwins { get; init; }

    /// <summary>A domain lexicon whose entries are added as user words right after the main dictionary.</summary>
    public Lexicon? Lexicon { get; init; }

    /// <summary>
    /// A folder to keep the loaded dictionary in (a binary file named by the hash of everything it was
    /// loaded from), so that the next load reads it instead of parsing jieba's text files. Null: no cache.
    /// </summary>
    public string? CacheFolder { get; init; }

    /// <summary>jieba's own data only: what the golden files compare against.</summary>
    public static SegmenterOptions JiebaOnly { get; } = new();

    /// <summary>
    /// What the pipeline counts with: jieba's data with lower-case twins of its Latin words, the domain
    /// lexicon in <c>pipelines/lexicon/</c>, then the <c>text.user_dictionaries</c> of the configuration
    /// (relative to the project root).
    /// </summary>
    public static SegmenterOptions ForPipeline(TextConfig config) => ForPipeline(config, Lexicon.Load(Lexicon.DefaultFolder));

    /// <summary>What the pipeline counts with, with a lexicon already loaded (of this installation or of a test).</summary>
    public static SegmenterOptions ForPipeline(TextConfig config, Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new SegmenterOptions
        {
            Lexicon = lexicon,
            UserDictionaries = config.ResolveUserDictionaries(AssetLocator.Root),
            LowerCaseTwins = true,
        };
    }
}
