using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace TrendInsight.Text.Jieba;

/// <summary>
/// The frozen prefix dictionary used for segmentation: a first-character table of 65,536 entries,
/// then per node its children's characters in sorted flat arrays. Immutable, so any number of threads
/// may read it at once. Weights (<c>log(freq) - log(total)</c>) are computed once here with the same
/// arithmetic jieba uses on every call, so routes compare exactly as in jieba.
/// </summary>
internal sealed class FlatTrie
{
    private readonly int[] _root;
    private readonly int[] _childStart;
    private readonly char[] _edgeChar;
    private readonly int[] _edgeNode;
    private readonly long[] _frequency;
    private readonly double[] _weight;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _forceSplit;

    private FlatTrie(int[] root, int[] childStart, char[] edgeChar, int[] edgeNode, long[] frequency, long total, FrozenSet<string> forceSplit)
    {
        _root = root;
        _childStart = childStart;
        _edgeChar = edgeChar;
        _edgeNode = edgeNode;
        _frequency = frequency;
        _forceSplit = forceSplit.GetAlternateLookup<ReadOnlySpan<char>>();
        Total = total;
        var logTotal = Math.Log(total);
        UnknownWeight = Math.Log(1) - logTotal;
        _weight = new double[frequency.Length];
        for (var i = 0; i < frequency.Length; i++)
        {
            _weight[i] = frequency[i] > 0 ? Math.Log(frequency[i]) - logTotal : double.NegativeInfinity;
        }
    }

    public long Total { get; }

    public double UnknownWeight { get; }

    public int NodeCount => _frequency.Length;

    /// <summary>Approximate bytes held by the arrays.</summary>
    public long ApproximateBytes =>
        (_root.Length * 4L) + (_childStart.Length * 4L) + (_edgeChar.Length * 2L) + (_edgeNode.Length * 4L)
        + (_frequency.Length * 8L) + (_weight.Length * 8L);

    public static FlatTrie Build(MutableTrie source)
    {
        var nodeCount = source.NodeCount;
        var counts = new int[nodeCount + 1];
        foreach (var key in source.Edges.Keys)
        {
            counts[(int)(key >> 16)]++;
        }

        var childStart = new int[nodeCount + 1];
        for (var i = 0; i < nodeCount; i++)
        {
            childStart[i + 1] = childStart[i] + counts[i];
        }

        var fill = (int[])childStart.Clone();
        var edgeChar = new char[source.Edges.Count];
        var edgeNode = new int[source.Edges.Count];
        foreach (var (key, child) in source.Edges)
        {
            var parent = (int)(key >> 16);
            var slot = fill[parent]++;
            edgeChar[slot] = (char)(key & 0xFFFF);
            edgeNode[slot] = child;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            var length = childStart[i + 1] - childStart[i];
            if (length > 1)
            {
                Array.Sort(edgeChar, edgeNode, childStart[i], length);
            }
        }

        return new FlatTrie(RootTable(childStart, edgeChar, edgeNode), childStart, edgeChar, edgeNode, source.Frequencies.ToArray(), source.Total,
            source.ForceSplit.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// A trie from the arrays <see cref="ChildStart"/>, <see cref="EdgeChars"/>, <see cref="EdgeNodes"/> and
    /// <see cref="Frequencies"/> of one built before (the dictionary cache); fails when they do not fit together.
    /// </summary>
    public static FlatTrie FromArrays(int[] childStart, char[] edgeChar, int[] edgeNode, long[] frequency, long total, IEnumerable<string> forceSplit)
    {
        var nodeCount = frequency.Length;
        if (nodeCount == 0 || childStart.Length != nodeCount + 1 || edgeChar.Length != edgeNode.Length
            || childStart[0] != 0 || childStart[nodeCount] != edgeChar.Length || total <= 0)
        {
            throw new InvalidDataException("dictionary arrays do not fit together");
        }

        for (var i = 0; i < nodeCount; i++)
        {
            if (childStart[i + 1] < childStart[i])
            {
                throw new InvalidDataException("dictionary child offsets are not in order");
            }
        }

        foreach (var node in edgeNode)
        {
            if ((uint)node >= (uint)nodeCount || node == 0)
            {
                throw new InvalidDataException("dictionary edge points outside the trie");
            }
        }

        return new FlatTrie(RootTable(childStart, edgeChar, edgeNode), childStart, edgeChar, edgeNode, frequency, total,
            forceSplit.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>Per node, where its children start in <see cref="EdgeChars"/> (one more entry than nodes).</summary>
    internal ReadOnlySpan<int> ChildStart => _childStart;

    /// <summary>Each edge's character, sorted within a node's children.</summary>
    internal ReadOnlySpan<char> EdgeChars => _edgeChar;

    /// <summary>Each edge's child node.</summary>
    internal ReadOnlySpan<int> EdgeNodes => _edgeNode;

    /// <summary>Each node's frequency (0 for a prefix that is not a word).</summary>
    internal ReadOnlySpan<long> Frequencies => _frequency;

    /// <summary>The user words of frequency 0.</summary>
    internal IReadOnlyCollection<string> ForceSplitWords => _forceSplit.Set;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Root(char c) => _root[c];

    private static int[] RootTable(int[] childStart, char[] edgeChar, int[] edgeNode)
    {
        var root = new int[0x10000];
        Array.Fill(root, -1);
        for (var slot = childStart[0]; slot < childStart[1]; slot++)
        {
            root[edgeChar[slot]] = edgeNode[slot];
        }

        return root;
    }

    public int Child(int node, char c)
    {
        var lo = _childStart[node];
        var hi = _childStart[node + 1] - 1;
        var chars = _edgeChar;
        while (hi - lo > 6)
        {
            var mid = (lo + hi) >>> 1;
            var m = chars[mid];
            if (m == c)
            {
                return _edgeNode[mid];
            }

            if (m < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        for (; lo <= hi; lo++)
        {
            if (chars[lo] == c)
            {
                return _edgeNode[lo];
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Frequency(int node) => _frequency[node];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Weight(int node) => _weight[node];

    public bool IsForceSplit(ReadOnlySpan<char> word) =>
        _forceSplit.Set.Count > 0 && _forceSplit.Contains(word);

    /// <summary>Frequency of a whole word, or 0 when it is not a word.</summary>
    public long FrequencyOf(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return 0;
        }

        var node = _root[word[0]];
        for (var i = 1; i < word.Length && node >= 0; i++)
        {
            node = Child(node, word[i]);
        }

        return node < 0 ? 0 : _frequency[node];
    }

    /// <summary>The trie seen through <see cref="IWordTrie"/>, as a struct so the segmenter's generic code is specialised.</summary>
    internal readonly struct View(FlatTrie trie) : IWordTrie
    {
        public double UnknownWeight => trie.UnknownWeight;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Root(char c) => trie._root[c];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Child(int node, char c) => trie.Child(node, c);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long Frequency(int node) => trie._frequency[node];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Weight(int node) => trie._weight[node];

        public bool IsForceSplit(ReadOnlySpan<char> word) => trie.IsForceSplit(word);
    }
}
