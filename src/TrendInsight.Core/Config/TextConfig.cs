namespace TrendInsight.Core.Config;

/// <summary>The <c>text:</c> section of <c>pipelines/trendinsight.yaml</c>: segmentation and new-word discovery.</summary>
public sealed class TextConfig
{
    /// <summary>
    /// Extra jieba user dictionaries (<c>word [freq] [type]</c> lines) loaded after the domain lexicon,
    /// e.g. the words accepted by <c>trendinsight words --write</c>. Relative paths are taken from the
    /// project root (the folder holding <c>pipelines/</c>). Missing files are an error.
    /// </summary>
    public List<string> UserDictionaries { get; set; } = [];

    /// <summary>Words never counted as terms, on top of jieba.NET's <c>stopwords.txt</c>.</summary>
    public List<string> ExtraStopWords { get; set; } = [];

    /// <summary>New-word candidates must occur at least this many times in the corpus.</summary>
    public int NewWordMinCount { get; set; } = 5;

    /// <summary>Shortest candidate, in characters (a Latin run counts as one).</summary>
    public int NewWordMinLength { get; set; } = 2;

    /// <summary>Longest candidate, in characters (a Latin run counts as one).</summary>
    public int NewWordMaxLength { get; set; } = 6;

    /// <summary>Cohesion floor: the smallest pointwise mutual information (natural log) over the candidate's two-way splits.</summary>
    public double NewWordMinPmi { get; set; } = 2.0;

    /// <summary>Boundary-freedom floor: the smaller of the left and right neighbour entropies (natural log).</summary>
    public double NewWordMinEntropy { get; set; } = 1.0;

    /// <summary>How many candidates <c>trendinsight words</c> prints at most.</summary>
    public int NewWordTop { get; set; } = 50;

    /// <summary>How many keywords TF-IDF extraction returns per document by default.</summary>
    public int KeywordTop { get; set; } = 20;

    /// <summary>Resolves <see cref="UserDictionaries"/> against <paramref name="root"/>.</summary>
    public IReadOnlyList<string> ResolveUserDictionaries(string root) =>
        UserDictionaries.Select(p => Path.IsPathRooted(p) ? p : Path.GetFullPath(Path.Combine(root, p))).ToList();

    internal void Validate(List<string> errors)
    {
        if (UserDictionaries.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("text.user_dictionaries must not hold empty paths");
        }

        if (NewWordMinCount < 1)
        {
            errors.Add("text.new_word_min_count must be at least 1");
        }

        if (NewWordMinLength < 2 || NewWordMaxLength < NewWordMinLength || NewWordMaxLength > 12)
        {
            errors.Add("text.new_word_min_length and text.new_word_max_length must satisfy 2 <= min <= max <= 12");
        }

        if (double.IsNaN(NewWordMinPmi) || double.IsNaN(NewWordMinEntropy) || NewWordMinEntropy < 0)
        {
            errors.Add("text.new_word_min_pmi must be a number and text.new_word_min_entropy a number >= 0");
        }

        if (NewWordTop < 1)
        {
            errors.Add("text.new_word_top must be at least 1");
        }

        if (KeywordTop < 1)
        {
            errors.Add("text.keyword_top must be at least 1");
        }
    }
}
