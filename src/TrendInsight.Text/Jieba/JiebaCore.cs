using System.Runtime.CompilerServices;

namespace TrendInsight.Text.Jieba;

/// <summary>
/// jieba 0.42.1's segmentation, step for step: <c>Tokenizer.cut</c> (blocks by <c>re_han_default</c>
/// and <c>re_skip_default</c>), <c>get_DAG</c> + <c>calc</c> fused into one backward pass,
/// <c>__cut_DAG</c> / <c>__cut_DAG_NO_HMM</c>, <c>finalseg.cut</c> with its Viterbi, and
/// <c>cut_for_search</c>. Tokens are appended as offsets into the text, so cutting allocates nothing
/// per word; per-thread scratch arrays hold the route and the Viterbi tables.
/// </summary>
internal static class JiebaCore
{
    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Cuts <paramref name="text"/>; <paramref name="hmm"/> null means <c>HMM=False</c>.</summary>
    public static void Cut<TTrie>(TTrie trie, HmmModel? hmm, ReadOnlySpan<char> text, List<Token> output, SegmentMode mode)
        where TTrie : struct, IWordTrie
    {
        var scratch = t_scratch ??= new Scratch();
        var cutter = new Cutter<TTrie>(trie, hmm, text, output, mode == SegmentMode.Search, scratch);
        cutter.Run();
    }

    /// <summary>jieba's <c>re_han_default</c> character class: <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%\-]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsBlockChar(char c) =>
        c is (>= '\u4E00' and <= '\u9FD5') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '+' or '#' or '&' or '.' or '_' or '%' or '-';

    /// <summary>finalseg's <c>re_han</c>: <c>[\u4E00-\u9FD5]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiAlnum(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    /// <summary>Python's <c>str.isspace</c> (what <c>\s</c> matches in jieba's patterns).</summary>
    public static bool IsPythonSpace(char c) =>
        c is (>= '\t' and <= '\r') or (>= '\u001C' and <= ' ') or '\u0085' or '\u00A0' or '\u1680'
            or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000';

    private sealed class Scratch
    {
        public double[] Route = new double[256];
        public int[] RouteEnd = new int[256];
        public double[] Viterbi = new double[1024];
        public byte[] Back = new byte[1024];
        public byte[] Path = new byte[256];

        public void Ensure(int n)
        {
            if (Route.Length <= n)
            {
                var size = Math.Max(n + 1, Route.Length * 2);
                Route = new double[size];
                RouteEnd = new int[size];
                Path = new byte[size];
                Viterbi = new double[size * 4];
                Back = new byte[size * 4];
            }
        }
    }

    private ref struct Cutter<TTrie>
        where TTrie : struct, IWordTrie
    {
        private readonly TTrie _trie;
        private readonly HmmModel? _hmm;
        private readonly ReadOnlySpan<char> _text;
        private readonly List<Token> _output;
        private readonly bool _search;
        private readonly Scratch _scratch;

        public Cutter(TTrie trie, HmmModel? hmm, ReadOnlySpan<char> text, List<Token> output, bool search, Scratch scratch)
        {
            _trie = trie;
            _hmm = hmm;
            _text = text;
            _output = output;
            _search = search;
            _scratch = scratch;
        }

        public void Run()
        {
            var text = _text;
            var n = text.Length;
            var i = 0;
            while (i < n)
            {
                var c = text[i];
                if (IsBlockChar(c))
                {
                    var j = i + 1;
                    while (j < n && IsBlockChar(text[j]))
                    {
                        j++;
                    }

                    CutBlock(i, j);
                    i = j;
                }
                else if (c == '\r' && i + 1 < n && text[i + 1] == '\n')
                {
                    Emit(i, 2);
                    i += 2;
                }
                else if (char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]))
                {
                    // Python iterates code points: an emoji outside the BMP is one token.
                    Emit(i, 2);
                    i += 2;
                }
                else
                {
                    Emit(i, 1);
                    i++;
                }
            }
        }

        private void CutBlock(int start, int end)
        {
            var n = end - start;
            var scratch = _scratch;
            scratch.Ensure(n);
            var route = scratch.Route;
            var routeEnd = scratch.RouteEnd;
            var text = _text;
            var trie = _trie;
            var unknown = trie.UnknownWeight;

            route[n] = 0;
            for (var idx = n - 1; idx >= 0; idx--)
            {
                var best = double.NegativeInfinity;
                var bestEnd = -1;
                var node = trie.Root(text[start + idx]);
                var i = idx;
                while (node >= 0)
                {
                    if (trie.Frequency(node) > 0 && (i == idx || !CutsLatinRun(start + idx, i + 1 - idx)))
                    {
                        // max((prob, x)) in jieba: on equal probability the longer word wins.
                        var candidate = trie.Weight(node) + route[i + 1];
                        if (candidate >= best)
                        {
                            best = candidate;
                            bestEnd = i;
                        }
                    }

                    i++;
                    if (i >= n)
                    {
                        break;
                    }

                    node = trie.Child(node, text[start + i]);
                }

                if (bestEnd < 0)
                {
                    best = unknown + route[idx + 1];
                    bestEnd = idx;
                }

                route[idx] = best;
                routeEnd[idx] = bestEnd;
            }

            if (_hmm is null)
            {
                EmitRouteNoHmm(start, n, routeEnd);
            }
            else
            {
                EmitRouteHmm(start, n, routeEnd);
            }
        }

        private void EmitRouteHmm(int start, int n, int[] routeEnd)
        {
            var x = 0;
            var buf = -1;
            while (x < n)
            {
                var y = routeEnd[x] + 1;
                if (y - x == 1)
                {
                    if (buf < 0)
                    {
                        buf = x;
                    }
                }
                else
                {
                    if (buf >= 0)
                    {
                        FlushSingles(start + buf, start + x);
                        buf = -1;
                    }

                    Emit(start + x, y - x);
                }

                x = y;
            }

            if (buf >= 0)
            {
                FlushSingles(start + buf, start + n);
            }
        }

        private void FlushSingles(int from, int to)
        {
            if (to - from == 1)
            {
                Emit(from, 1);
            }
            else if (FrequencyOf(from, to - from) == 0)
            {
                FinalSeg(from, to);
            }
            else
            {
                // jieba yields each character of a run of singles that is itself a word; a Latin or
                // digit run inside it stays whole.
                for (var i = from; i < to;)
                {
                    var j = i + 1;
                    if (IsAsciiAlnum(_text[i]))
                    {
                        while (j < to && IsAsciiAlnum(_text[j]))
                        {
                            j++;
                        }
                    }

                    Emit(i, j - i);
                    i = j;
                }
            }
        }

        /// <summary>
        /// True when a word at <paramref name="start"/> would begin or end inside a run of ASCII letters
        /// and digits (the <c>d版</c> of <c>hd版本</c>): such a word is never taken, in any mode, so
        /// <c>hd</c>, <c>iphone15</c> or <c>2024</c> are never cut apart by a dictionary word.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly bool CutsLatinRun(int start, int length)
        {
            var text = _text;
            var end = start + length;
            return (start > 0 && IsAsciiAlnum(text[start]) && IsAsciiAlnum(text[start - 1]))
                || (end < text.Length && IsAsciiAlnum(text[end - 1]) && IsAsciiAlnum(text[end]));
        }

        private void EmitRouteNoHmm(int start, int n, int[] routeEnd)
        {
            var x = 0;
            var buf = -1;
            while (x < n)
            {
                var y = routeEnd[x] + 1;
                if (y - x == 1 && IsAsciiAlnum(_text[start + x]))
                {
                    if (buf < 0)
                    {
                        buf = x;
                    }
                }
                else
                {
                    if (buf >= 0)
                    {
                        Emit(start + buf, x - buf);
                        buf = -1;
                    }

                    Emit(start + x, y - x);
                }

                x = y;
            }

            if (buf >= 0)
            {
                Emit(start + buf, n - buf);
            }
        }

        /// <summary>finalseg.cut: Han runs through Viterbi, the rest by <c>[a-zA-Z0-9]+(?:\.\d+)?%?</c>.</summary>
        private void FinalSeg(int from, int to)
        {
            var text = _text;
            var i = from;
            while (i < to)
            {
                var j = i + 1;
                if (IsHan(text[i]))
                {
                    while (j < to && IsHan(text[j]))
                    {
                        j++;
                    }

                    Viterbi(i, j);
                }
                else
                {
                    while (j < to && !IsHan(text[j]))
                    {
                        j++;
                    }

                    SkipSplit(i, j);
                }

                i = j;
            }
        }

        private void SkipSplit(int from, int to)
        {
            var text = _text;
            var chunk = from;
            var p = from;
            while (p < to)
            {
                if (!IsAsciiAlnum(text[p]))
                {
                    p++;
                    continue;
                }

                if (p > chunk)
                {
                    Emit(chunk, p - chunk);
                }

                var q = p + 1;
                while (q < to && IsAsciiAlnum(text[q]))
                {
                    q++;
                }

                if (q + 1 < to && text[q] == '.' && char.IsAsciiDigit(text[q + 1]))
                {
                    q += 2;
                    while (q < to && char.IsAsciiDigit(text[q]))
                    {
                        q++;
                    }
                }

                if (q < to && text[q] == '%')
                {
                    q++;
                }

                Emit(p, q - p);
                p = q;
                chunk = q;
            }

            if (to > chunk)
            {
                Emit(chunk, to - chunk);
            }
        }

        private void Viterbi(int from, int to)
        {
            var hmm = _hmm!;
            var t = to - from;
            _scratch.Ensure(t);
            var v = _scratch.Viterbi;
            var back = _scratch.Back;
            var path = _scratch.Path;
            var trans = hmm.Trans;
            var emitB = hmm.Emit[HmmModel.B];
            var emitE = hmm.Emit[HmmModel.E];
            var emitM = hmm.Emit[HmmModel.M];
            var emitS = hmm.Emit[HmmModel.S];
            var text = _text;

            var c0 = text[from];
            v[HmmModel.B] = hmm.Start[HmmModel.B] + emitB[c0];
            v[HmmModel.E] = hmm.Start[HmmModel.E] + emitE[c0];
            v[HmmModel.M] = hmm.Start[HmmModel.M] + emitM[c0];
            v[HmmModel.S] = hmm.Start[HmmModel.S] + emitS[c0];
            for (var k = 1; k < t; k++)
            {
                var c = text[from + k];
                var prev = (k - 1) * 4;
                var cur = k * 4;
                Step(v, back, trans, prev, cur, HmmModel.B, HmmModel.E, HmmModel.S, emitB[c]);
                Step(v, back, trans, prev, cur, HmmModel.M, HmmModel.M, HmmModel.B, emitM[c]);
                Step(v, back, trans, prev, cur, HmmModel.E, HmmModel.B, HmmModel.M, emitE[c]);
                Step(v, back, trans, prev, cur, HmmModel.S, HmmModel.S, HmmModel.E, emitS[c]);
            }

            var last = (t - 1) * 4;
            int state = v[last + HmmModel.E] > v[last + HmmModel.S] ? HmmModel.E : HmmModel.S;
            for (var k = t - 1; k >= 0; k--)
            {
                path[k] = (byte)state;
                state = back[(k * 4) + state];
            }

            var begin = 0;
            var next = 0;
            for (var k = 0; k < t; k++)
            {
                switch (path[k])
                {
                    case HmmModel.B:
                        begin = k;
                        break;
                    case HmmModel.E:
                        EmitHmmWord(from + begin, k + 1 - begin);
                        next = k + 1;
                        break;
                    case HmmModel.S:
                        EmitHmmWord(from + k, 1);
                        next = k + 1;
                        break;
                }
            }

            if (next < t)
            {
                EmitHmmWord(from + next, t - next);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Step(double[] v, byte[] back, double[] trans, int prev, int cur, int y, int a, int b, double em)
        {
            // max([(V[t-1][y0] + trans[y0][y] + em, y0) for y0 in PrevStatus[y]]): ties go to the later letter.
            var pa = v[prev + a] + trans[(a * 4) + y] + em;
            var pb = v[prev + b] + trans[(b * 4) + y] + em;
            bool pickA = pa > pb || (pa == pb && a > b);
            v[cur + y] = pickA ? pa : pb;
            back[cur + y] = (byte)(pickA ? a : b);
        }

        private void EmitHmmWord(int start, int length)
        {
            if (length > 1 && _trie.IsForceSplit(_text.Slice(start, length)))
            {
                for (var i = 0; i < length; i++)
                {
                    Emit(start + i, 1);
                }

                return;
            }

            Emit(start, length);
        }

        private readonly long FrequencyOf(int start, int length)
        {
            var text = _text;
            var trie = _trie;
            var node = trie.Root(text[start]);
            for (var i = 1; i < length && node >= 0; i++)
            {
                node = trie.Child(node, text[start + i]);
            }

            return node < 0 ? 0 : trie.Frequency(node);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Emit(int start, int length)
        {
            if (_search && length > 2)
            {
                EmitGrams(start, length);
            }

            _output.Add(new Token(start, length));
        }

        private void EmitGrams(int start, int length)
        {
            for (var i = 0; i < length - 1; i++)
            {
                if (FrequencyOf(start + i, 2) > 0 && !CutsLatinRun(start + i, 2))
                {
                    _output.Add(new Token(start + i, 2));
                }
            }

            if (length > 3)
            {
                for (var i = 0; i < length - 2; i++)
                {
                    if (FrequencyOf(start + i, 3) > 0 && !CutsLatinRun(start + i, 3))
                    {
                        _output.Add(new Token(start + i, 3));
                    }
                }
            }
        }
    }
}
