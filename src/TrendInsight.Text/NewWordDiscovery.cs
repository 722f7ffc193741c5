using System.Runtime.InteropServices;
using System.Text;

namespace TrendInsight.Text;

/// <summary>
/// New-word discovery: ranks strings of the corpus that are frequent, cohesive (every two-way split has
/// a high pointwise mutual information) and free at both boundaries (varied neighbours on the left and
/// on the right), and that the segmenter's dictionary does not know yet, neither as one word nor as known
/// words side by side — 多巴胺穿搭, 美拉德, ins风.
/// </summary>
/// <remarks>
/// Text is cut into runs at anything that is not a Han character, Latin letter or digit (punctuation,
/// spaces, emoji). Inside a run a Han character is one unit and a Latin/digit run is one unit, so
/// "ins风" has two units and a split "ins|风". Feed normalised text (see <see cref="TextNormalizer"/>).
/// </remarks>
public sealed class NewWordDiscovery
{
    // Particles that a word almost never starts or ends with; candidates like "的露营" are noise.
    private const string Particles = "的了是在和与也都就很还吗呢吧啊呀哦嘛么着过这那个我你他她它们有被把给让";

    // Who or when a product is for, written after it in queries and titles (冲锋衣男, 焦糖色女, 松弛感夏).
    private const string Qualifiers = "男女童春夏秋冬";

    private readonly JiebaSegmenter _segmenter;
    private readonly NewWordOptions _options;
    private readonly StopWords? _stopWords;

    public NewWordDiscovery(JiebaSegmenter segmenter, NewWordOptions options, StopWords? stopWords = null)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(options);
        _segmenter = segmenter;
        _options = options;
        _stopWords = stopWords;
    }

    /// <summary>Finds the candidates of <paramref name="lines"/>, best first.</summary>
    public IReadOnlyList<NewWordCandidate> Discover(IReadOnlyCollection<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var max = _options.MaxLength;

        // Grams and their neighbours never cross the end of a run, so each distinct run is read once with
        // the number of times it occurs, in the order of its first occurrence: the counts are the same,
        // and so is the order in which each candidate meets its neighbours, which its entropies are summed in.
        var runs = new Dictionary<string, int>(StringComparer.Ordinal);
        var runLookup = runs.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var line in lines)
        {
            for (var at = 0; NextRun(line, ref at, out var start, out var end);)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(runLookup, line.AsSpan(start, end - start), out _)++;
            }
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var countLookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var units = new List<int>();
        long totalUnits = 0;

        foreach (var (run, weight) in runs)
        {
            Units(run, 0, run.Length, units);
            var k = units.Count - 1;
            totalUnits += (long)k * weight;
            for (var i = 0; i < k; i++)
            {
                for (var n = 1; n <= max && i + n <= k; n++)
                {
                    var gram = run.AsSpan(units[i], units[i + n] - units[i]);
                    CollectionsMarshal.GetValueRefOrAddDefault(countLookup, gram, out _) += weight;
                }
            }
        }

        var candidates = new Dictionary<string, Neighbours>(StringComparer.Ordinal);
        foreach (var (word, count) in counts)
        {
            if (count >= _options.MinCount && IsCandidate(word))
            {
                candidates[word] = new Neighbours();
            }
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        // the candidates as a character trie, so that the grams starting at a position are followed only
        // as long as some candidate starts with them
        var trie = new CandidateTrie(candidates);
        foreach (var (run, weight) in runs)
        {
            Units(run, 0, run.Length, units);
            var k = units.Count - 1;
            for (var i = 0; i < k; i++)
            {
                var node = 0;
                for (var n = 1; n <= max && i + n <= k; n++)
                {
                    node = trie.Walk(node, run.AsSpan(units[i + n - 1], units[i + n] - units[i + n - 1]));
                    if (node < 0)
                    {
                        break;
                    }

                    if (trie.At(node) is not { } neighbours)
                    {
                        continue;
                    }

                    neighbours.AddLeft(i == 0 ? default : run.AsSpan(units[i - 1], units[i] - units[i - 1]), i == 0, weight);
                    neighbours.AddRight(i + n == k ? default : run.AsSpan(units[i + n], units[i + n + 1] - units[i + n]), i + n == k, weight);
                }
            }
        }

        var result = new List<(NewWordCandidate Candidate, List<int> Units)>();
        foreach (var (word, neighbours) in candidates)
        {
            var wordUnits = new List<int>();
            Units(word, 0, word.Length, wordUnits);
            var cohesion = Cohesion(word, wordUnits, counts, totalUnits);
            var candidate = new NewWordCandidate(word, wordUnits.Count - 1, counts[word], cohesion, neighbours.LeftEntropy(), neighbours.RightEntropy());
            if (candidate.Cohesion >= _options.MinPmi && candidate.Freedom >= _options.MinEntropy)
            {
                result.Add((candidate, wordUnits));
            }
        }

        // A candidate made of another new word beside a known one (冲锋衣 + 徒步鞋), a number beside a word
        // (2026 + 新款), or a word with who or when it is for (焦糖色 + 女, 松弛感 + 夏) is those words side by
        // side, as a query lists them, not a word of its own.
        var found = result.Select(r => r.Candidate.Word).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        return result
            .Where(r => !IsKnownWords(r.Candidate.Word, r.Units, piece => found.Contains(piece) || IsNumber(piece))
                && !(r.Units.Count > 3 && Qualifiers.Contains(r.Candidate.Word[^1], StringComparison.Ordinal)
                     && IsWord(r.Candidate.Word.AsSpan(0, r.Candidate.Word.Length - 1), found)))
            .Select(r => r.Candidate)
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Count)
            .ThenBy(c => c.Word, StringComparer.Ordinal)
            .Take(_options.Top)
            .ToList();
    }

    /// <summary>
    /// Appends <paramref name="words"/> that the file does not list yet to a jieba user dictionary (one
    /// word a line, no frequency, so the segmenter gives each jieba's suggested frequency). Returns how
    /// many lines were added.
    /// </summary>
    public static int AppendToUserDictionary(string path, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                var word = line.Trim();
                var space = word.IndexOf(' ', StringComparison.Ordinal);
                existing.Add(space < 0 ? word : word[..space]);
            }
        }

        var added = words.Where(w => !w.Contains(' ', StringComparison.Ordinal) && existing.Add(w)).ToList();
        if (added.Count > 0)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }

            var needsNewline = File.Exists(path) && new FileInfo(path).Length > 0 && !EndsWithNewline(path);
            using var writer = new StreamWriter(path, append: true, new UTF8Encoding(false)) { NewLine = "\n" };
            if (needsNewline)
            {
                writer.WriteLine();
            }

            foreach (var w in added)
            {
                writer.WriteLine(w);
            }
        }

        return added.Count;
    }

    private bool IsCandidate(string word)
    {
        if (_segmenter.Contains(word) || (_stopWords?.Contains(word) ?? false))
        {
            return false;
        }

        var units = new List<int>();
        Units(word, 0, word.Length, units);
        var length = units.Count - 1;
        var latinOnly = length == 1 && !IsHan(word[0]);
        if (latinOnly)
        {
            // A single Latin run (citywalk, vlog) is already one token; it still counts as a new term.
            return word.Length >= 3 && word.Any(char.IsAsciiLetter);
        }

        if (length < _options.MinLength || length > _options.MaxLength)
        {
            return false;
        }

        if (word.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetter(c)))
        {
            return false;
        }

        // Laughter and other repeats (哈哈哈哈, 啊啊啊) are frequent and free-standing but not words.
        if (word.All(c => c == word[0]))
        {
            return false;
        }

        return !Particles.Contains(word[0], StringComparison.Ordinal) && !Particles.Contains(word[^1], StringComparison.Ordinal)
            && !IsKnownWords(word, units, static _ => false);
    }

    private static bool IsNumber(ReadOnlySpan<char> piece) => !piece.ContainsAnyExceptInRange('0', '9');

    private bool IsWord(ReadOnlySpan<char> piece, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> found) =>
        _segmenter.Contains(piece) || found.Contains(piece);

    /// <summary>
    /// Whether the word is made up wholly of two or more words the dictionaries know (or that
    /// <paramref name="alsoKnown"/> knows), each of two units or more: those words side by side (羽绒服面包服,
    /// 新中式汉服, citywalk帆布鞋), not a new one.
    /// </summary>
    private bool IsKnownWords(string word, List<int> units, Func<ReadOnlySpan<char>, bool> alsoKnown)
    {
        var k = units.Count - 1;
        var reachable = new bool[k + 1];
        reachable[0] = true;
        for (var i = 0; i < k; i++)
        {
            if (!reachable[i])
            {
                continue;
            }

            var latinRun = !IsHan(word[units[i]]);
            for (var j = i + (latinRun ? 1 : 2); j <= k && (i > 0 || j < k); j++)
            {
                var piece = word.AsSpan(units[i], units[j] - units[i]);
                if (!reachable[j] && (_segmenter.Contains(piece) || alsoKnown(piece)))
                {
                    reachable[j] = true;
                }
            }
        }

        return reachable[k];
    }

    private static double Cohesion(string word, List<int> units, Dictionary<string, int> counts, long totalUnits)
    {
        var k = units.Count - 1;
        if (k < 2)
        {
            return double.PositiveInfinity;
        }

        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var whole = (double)counts[word];
        var min = double.PositiveInfinity;
        for (var s = 1; s < k; s++)
        {
            var left = lookup[word.AsSpan(0, units[s])];
            var right = lookup[word.AsSpan(units[s])];
            var pmi = Math.Log(whole * totalUnits / ((double)left * right));
            min = Math.Min(min, pmi);
        }

        return min;
    }

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>The next run of Han characters, Latin letters and digits at or after <paramref name="at"/>; false when there is none.</summary>
    private static bool NextRun(string line, ref int at, out int start, out int end)
    {
        var i = at;
        while (i < line.Length && !IsHan(line[i]) && !IsLatin(line[i]))
        {
            i++;
        }

        start = i;
        while (i < line.Length && (IsHan(line[i]) || IsLatin(line[i])))
        {
            i++;
        }

        end = i;
        at = i;
        return end > start;
    }

    /// <summary>Unit boundaries of <c>text[start..end]</c>: offsets of each unit's start, then <paramref name="end"/>.</summary>
    private static void Units(string text, int start, int end, List<int> units)
    {
        units.Clear();
        var i = start;
        while (i < end)
        {
            units.Add(i);
            if (IsLatin(text[i]))
            {
                while (i < end && IsLatin(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
        }

        units.Add(end);
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    private sealed class Neighbours
    {
        private readonly Dictionary<string, int> _left = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _right = new(StringComparer.Ordinal);
        private int _leftBoundary;
        private int _rightBoundary;

        public void AddLeft(ReadOnlySpan<char> unit, bool boundary, int weight) => Add(_left, unit, boundary, weight, ref _leftBoundary);

        public void AddRight(ReadOnlySpan<char> unit, bool boundary, int weight) => Add(_right, unit, boundary, weight, ref _rightBoundary);

        public double LeftEntropy() => Entropy(_left, _leftBoundary);

        public double RightEntropy() => Entropy(_right, _rightBoundary);

        private static void Add(Dictionary<string, int> side, ReadOnlySpan<char> unit, bool isBoundary, int weight, ref int boundary)
        {
            if (isBoundary)
            {
                boundary += weight;
                return;
            }

            CollectionsMarshal.GetValueRefOrAddDefault(side.GetAlternateLookup<ReadOnlySpan<char>>(), unit, out _) += weight;
        }

        private static double Entropy(Dictionary<string, int> side, int boundary)
        {
            var total = (double)(side.Values.Sum() + boundary);
            if (total == 0)
            {
                return 0;
            }

            var h = 0.0;
            foreach (var c in side.Values)
            {
                var p = c / total;
                h -= p * Math.Log(p);
            }

            // Each text boundary is a neighbour of its own: a word that often starts a comment is free there.
            if (boundary > 0)
            {
                var p = 1 / total;
                h -= boundary * p * Math.Log(p);
            }

            return h;
        }
    }

    /// <summary>The candidate words as a trie of characters; a node that ends a candidate holds its neighbours.</summary>
    private sealed class CandidateTrie
    {
        private readonly Dictionary<long, int> _edges = [];
        private readonly List<Neighbours?> _nodes = [null];

        public CandidateTrie(Dictionary<string, Neighbours> candidates)
        {
            foreach (var (word, neighbours) in candidates)
            {
                var node = 0;
                foreach (var c in word)
                {
                    if (!_edges.TryGetValue(Key(node, c), out var child))
                    {
                        child = _nodes.Count;
                        _nodes.Add(null);
                        _edges.Add(Key(node, c), child);
                    }

                    node = child;
                }

                _nodes[node] = neighbours;
            }
        }

        /// <summary>The node reached from <paramref name="node"/> by the characters of <paramref name="unit"/>, or -1.</summary>
        public int Walk(int node, ReadOnlySpan<char> unit)
        {
            foreach (var c in unit)
            {
                if (!_edges.TryGetValue(Key(node, c), out node))
                {
                    return -1;
                }
            }

            return node;
        }

        /// <summary>The neighbours of the candidate that ends at <paramref name="node"/>, or null.</summary>
        public Neighbours? At(int node) => _nodes[node];

        private static long Key(int node, char c) => ((long)node << 16) | c;
    }
}
