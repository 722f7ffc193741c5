using TrendInsight.Core;
using TrendInsight.Core.Config;

namespace TrendInsight.Text;

/// <summary>What <see cref="JiebaSegmenter.Load(SegmenterOptions)"/> reads. Null paths mean the defaults.</summary>
public sealed record SegmenterOptions
{
    /// <summary>Python jieba 0.42.1's dictionary as Debian's python3-jieba installs it.</summary>
    public const string PythonJiebaFolder = "/usr/lib/python3/dist-packages/jieba";

    /// <summary>
    /// The main dictionary (<c>word freq [tag]</c> lines). Default: python jieba's <c>dict.txt</c> when
    /// installed (it is the reference the golden files were made with), otherwise cppjieba's
    /// <c>jieba.dict.utf8</c> from the pinned nodejieba package (which lacks ~64 entries with Latin
    /// letters or digits, such as 4S店 and AA制).
    /// </summary>
    public string? DictionaryPath { get; init; }

    /// <summary>
    /// The HMM model: a folder with python jieba's <c>finalseg/prob_*.py</c>, or cppjieba's
    /// <c>hmm_model.utf8</c>. Default: python jieba's finalseg when installed (full precision),
    /// otherwise cppjieba's file (emissions rounded to six decimals).
    /// </summary>
    public string? HmmModelPath { get; init; }

    /// <summary>User dictionaries (<c>word [freq] [tag]</c> lines), loaded in order after the main dictionary and the lexicon.</summary>
    public IReadOnlyList<string> UserDictionaries { get; init; } = [];

    /// <summary>
    /// Adds a lower-case twin of each main-dictionary word with upper-case Latin letters (T恤 → t恤,
    /// 卡拉OK → 卡拉ok) before the lexicon, since normalised text is lower-cased. Off for jieba's exact
    /// behaviour; on in <see cref="ForPipeline"/>.
    /// </summary>
    public bool LowerCaseTwins { get; init; }

    /// <summary>A domain lexicon whose entries are added as user words right after the main dictionary.</summary>
    public Lexicon? Lexicon { get; init; }

    /// <summary>jieba's own data only: what the golden files compare against.</summary>
    public static SegmenterOptions JiebaOnly { get; } = new();

    /// <summary>
    /// What the pipeline counts with: jieba's data with lower-case twins of its Latin words, the domain
    /// lexicon in <c>pipelines/lexicon/</c>, then the <c>text.user_dictionaries</c> of the configuration
    /// (relative to the project root).
    /// </summary>
    public static SegmenterOptions ForPipeline(TextConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new SegmenterOptions
        {
            Lexicon = Lexicon.Load(Lexicon.DefaultFolder),
            UserDictionaries = config.ResolveUserDictionaries(AssetLocator.Root),
            LowerCaseTwins = true,
        };
    }
}
