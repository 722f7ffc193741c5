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

    private Lexicon(IReadOnlyList<LexiconEntry> entries)
    {
        Entries = entries;
        _byWord = entries.ToDictionary(e => e.Word, StringComparer.Ordinal);
    }

    /// <summary><c>pipelines/lexicon/</c> of this installation.</summary>
    public static string DefaultFolder => Path.Combine(AssetLocator.Pipelines, "lexicon");

    /// <summary>All entries in file order (files by name).</summary>
    public IReadOnlyList<LexiconEntry> Entries { get; }

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
            var lines = File.ReadAllLines(file, new UTF8Encoding(false, true));
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim().TrimStart('\uFEFF');
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var source = string.Create(CultureInfo.InvariantCulture, $"{file}:{i + 1}");
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

        return new Lexicon(entries);
    }
}
