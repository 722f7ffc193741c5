using System.Globalization;
using System.Text;
using TrendInsight.Core;
using TrendInsight.Text.Jieba;

namespace TrendInsight.Text;

/// <summary>
/// The domain lexicon in <c>pipelines/lexicon/</c>: every <c>*.txt</c> file there is a jieba user
/// dictionary whose lines are <c>word [freq] type</c>, the type being one of <c>style</c>,
/// <c>material</c>, <c>colour</c>, <c>scene</c>, <c>category</c>, <c>crowd</c>, <c>chatter</c>. Immutable once loaded.
/// </summary>
public sealed class Lexicon
{
    private static readonly string[] TypeNames = ["style", "material", "colour", "scene", "category", "crowd", "chatter"];

    private readonly Dictionary<string, LexiconEntry> _byWord;

    /// <summary>The file of synonyms in the lexicon folder: <c>variant canonical</c> a line.</summary>
    public const string SynonymsFile = "synonyms.tsv";

    private Lexicon(IReadOnlyList<LexiconEntry> entries, IReadOnlyDictionary<string, string> synonyms)
    {
        Entries = entries;
        Synonyms = synonyms;
        _byWord = entries.ToDictionary(e => e.Word, StringComparer.Ordinal);
    }

    /// <summary><c>pipelines/lexicon/</c> of this installation.</summary>
    public static string DefaultFolder => Path.Combine(AssetLocator.Pipelines, "lexicon");

    /// <summary>All entries in file order (files by name).</summary>
    public IReadOnlyList<LexiconEntry> Entries { get; }

    /// <summary>
    /// Words that name the same thing as another term and are counted as it: variant → canonical
    /// (城市漫步 → citywalk), from <see cref="SynonymsFile"/>. Empty when the folder has none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Synonyms { get; }

    /// <summary>The entries of one type.</summary>
    public IEnumerable<LexiconEntry> OfType(LexiconType type) => Entries.Where(e => e.Type == type);

    /// <summary>The entry for a word, if the lexicon has it.</summary>
    public bool TryGet(string word, out LexiconEntry entry) => _byWord.TryGetValue(word, out entry!);

    /// <summary>The file-format name of a type.</summary>
    public static string TypeName(LexiconType type) => TypeNames[(int)type];

    /// <summary>Parses a file-format type name.</summary>
    public static bool TryParseType(string name, out LexiconType type)
    {
        var index = Array.IndexOf(TypeNames, name);
        type = (LexiconType)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>
    /// Reads every <c>*.txt</c> file of <paramref name="folder"/>. A line without a known type, a word
    /// with upper-case Latin letters (text is lower-cased before segmentation, so it could never match)
    /// or a word listed twice is an error naming the file and line.
    /// </summary>
    public static Lexicon Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new TrendInsightException($"Lexicon folder not found: {folder}");
        }

        var entries = new List<LexiconEntry>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            foreach (var (source, line) in ContentLines(file))
            {
                var (word, freq, tag) = MutableTrie.ParseUserLine(line);
                if (tag is null || !TryParseType(tag, out var type))
                {
                    throw new TrendInsightException(
                        $"{source}: '{line}' needs a type at the end, one of {string.Join(", ", TypeNames)}.");
                }

                if (word.Any(char.IsAsciiLetterUpper))
                {
                    throw new TrendInsightException($"{source}: '{word}' has upper-case letters; write it lower-cased, as normalised text is.");
                }

                if (!seen.TryAdd(word, source))
                {
                    throw new TrendInsightException($"{source}: '{word}' is already listed at {seen[word]}.");
                }

                entries.Add(new LexiconEntry(word, type, freq, source));
            }
        }

        return new Lexicon(entries, LoadSynonyms(Path.Combine(folder, SynonymsFile)));
    }

    /// <summary>
    /// Reads <c>variant canonical</c> lines (whitespace-separated, <c>#</c> comments). A variant listed
    /// twice, a canonical term that is itself a variant (no chains), upper-case Latin letters or a
    /// line without two fields is an error naming the file and line.
    /// </summary>
    private static Dictionary<string, string> LoadSynonyms(string path)
    {
        var synonyms = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return synonyms;
        }

        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, line) in ContentLines(path))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2 || string.Equals(fields[0], fields[1], StringComparison.Ordinal))
            {
                throw new TrendInsightException($"{source}: '{line}' should be two different words: variant canonical.");
            }

            if (line.Any(char.IsAsciiLetterUpper))
            {
                throw new TrendInsightException($"{source}: '{line}' has upper-case letters; write it lower-cased, as normalised text is.");
            }

            if (!where.TryAdd(fields[0], source))
            {
                throw new TrendInsightException($"{source}: '{fields[0]}' is already a variant at {where[fields[0]]}.");
            }

            synonyms[fields[0]] = fields[1];
        }

        foreach (var (variant, canonical) in synonyms)
        {
            if (synonyms.ContainsKey(canonical))
            {
                throw new TrendInsightException($"{where[variant]}: '{canonical}' is itself a variant ({where[canonical]}); name the final term.");
            }
        }

        return synonyms;
    }

    /// <summary>The non-blank, non-comment lines of a strict UTF-8 file (BOM dropped), trimmed, each with its <c>file:line</c>.</summary>
    private static IEnumerable<(string Source, string Line)> ContentLines(string path)
    {
        var lines = File.ReadAllLines(path, new UTF8Encoding(false, true));
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return (string.Create(CultureInfo.InvariantCulture, $"{path}:{i + 1}"), line);
            }
        }
    }
}
