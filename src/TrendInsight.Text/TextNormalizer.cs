using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using TrendInsight.Core;
using TrendInsight.Text.Native;

namespace TrendInsight.Text;

/// <summary>
/// Normalises text before anything is counted: Unicode NFKC (full-width → half-width), zero-width,
/// format and control characters removed, traditional → simplified through OpenCC's <c>t2s</c>
/// (phrase level: 頭髮 → 头发), Latin lower-cased, whitespace runs folded to one space and trimmed.
/// </summary>
/// <remarks>
/// OpenCC is called only for strings that hold a character <c>t2s</c> changes. That set is built
/// once in <see cref="Create"/> by converting every CJK-range code point through OpenCC itself, so it
/// always agrees with the installed dictionaries. One instance is meant to live for the whole process
/// and is safe to use from many threads: OpenCC converters are not documented thread-safe, so each
/// conversion rents a converter of its own from a small pool.
/// </remarks>
public sealed class TextNormalizer : IDisposable
{
    /// <summary>Where Debian's libopencc1.1 installs the traditional → simplified configuration.</summary>
    public const string DefaultConfigPath = "/usr/share/opencc/t2s.json";

    private readonly OpenCcLibrary _library;
    private readonly string _configPath;
    private readonly ConcurrentBag<nint> _pool = new();
    private readonly ConcurrentBag<nint> _all = new();
    private readonly bool[] _changesBmp;
    private readonly HashSet<int> _changesSupplementary;
    private readonly bool[] _inertBmp;
    private readonly ConcurrentDictionary<string, string> _runs = new(StringComparer.Ordinal);
    private int _disposed;

    private TextNormalizer(OpenCcLibrary library, string configPath, nint first)
    {
        _library = library;
        _configPath = configPath;
        _all.Add(first);
        var watch = Stopwatch.StartNew();
        (_changesBmp, _changesSupplementary) = BuildChangingSet(library, first);
        _inertBmp = BuildInertSet(_changesBmp);
        SetBuildTime = watch.Elapsed;
        _pool.Add(first);
    }

    /// <summary>How many code points <c>t2s</c> changes on their own (the set that triggers a call to OpenCC).</summary>
    public int ChangingCharacterCount => _changesBmp.Count(b => b) + _changesSupplementary.Count;

    /// <summary>How long building the set of changing characters took in <see cref="Create"/>.</summary>
    public TimeSpan SetBuildTime { get; }

    /// <summary>
    /// Loads OpenCC (<c>libopencc.so.1.1</c>) with <paramref name="configPath"/> (default
    /// <see cref="DefaultConfigPath"/>) once. Fails with an actionable <see cref="TrendInsightException"/>
    /// when the library or the configuration is missing.
    /// </summary>
    public static TextNormalizer Create(string? configPath = null)
    {
        configPath ??= DefaultConfigPath;
        if (!File.Exists(configPath))
        {
            throw new TrendInsightException(
                $"OpenCC configuration not found: {configPath}. Install Debian's libopencc1.1 "
                + "(run `make setup`, or `sudo apt-get install libopencc1.1`).");
        }

        var library = OpenCcLibrary.Instance;
        var first = library.Open(configPath);
        return new TextNormalizer(library, configPath, first);
    }

    /// <summary>
    /// Returns the normalised form of <paramref name="text"/>; null and blank give the empty string.
    /// Emoji and punctuation are kept (segmentation decides they are not terms).
    /// </summary>
    public string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsAlreadyNormal(text))
        {
            return text;
        }

        // Most Chinese text is ASCII, CJK ideographs, full-width forms and CJK punctuation: NFKC of those is
        // known per character (mapped in the loop below), so ICU runs only for anything else.
        var nfkc = IsFastNfkc(text) ? text : ToNfkc(text);
        var buffer = ArrayPool<char>.Shared.Rent(nfkc.Length);
        try
        {
            var length = 0;
            var pendingSpace = false;
            var needsOpenCc = false;
            for (var i = 0; i < nfkc.Length; i++)
            {
                var c = nfkc[i];
                if (c is >= '\uFF01' and <= '\uFF5E')
                {
                    c = (char)(c - 0xFEE0);
                }

                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = length > 0;
                    continue;
                }

                var category = char.GetUnicodeCategory(c);
                if (category is UnicodeCategory.Control or UnicodeCategory.Format)
                {
                    continue;
                }

                if (pendingSpace)
                {
                    buffer[length++] = ' ';
                    pendingSpace = false;
                }

                if (char.IsHighSurrogate(c) && i + 1 < nfkc.Length && char.IsLowSurrogate(nfkc[i + 1]))
                {
                    if (!needsOpenCc && _changesSupplementary.Contains(char.ConvertToUtf32(c, nfkc[i + 1])))
                    {
                        needsOpenCc = true;
                    }

                    buffer[length++] = c;
                    buffer[length++] = nfkc[++i];
                    continue;
                }

                if (c < 'ɏ')
                {
                    c = char.ToLowerInvariant(c);
                }
                else if (_changesBmp[c])
                {
                    needsOpenCc = true;
                }

                buffer[length++] = c;
            }

            var span = buffer.AsSpan(0, length);
            if (!needsOpenCc)
            {
                return span.SequenceEqual(text) ? text : new string(span);
            }

            return ConvertTraditional(span);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>True when <c>t2s</c> changes this character on its own.</summary>
    public bool IsTraditional(int codePoint) =>
        codePoint < 0x10000 ? _changesBmp[codePoint] : _changesSupplementary.Contains(codePoint);

    /// <summary>Closes every OpenCC converter this instance opened.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        while (_all.TryTake(out var converter))
        {
            _library.Close(converter);
        }

        _pool.Clear();
    }

    /// <summary>
    /// OpenCC's <c>t2s</c> result for <paramref name="text"/>, converted run by run. Every key of the t2s
    /// dictionaries (phrases and characters) is made of characters in the ranges <see cref="BuildChangingSet"/>
    /// covers, so a phrase never spans a character outside them and such characters come back as they are:
    /// converting each run of in-range characters gives the same text as converting the whole. OpenCC costs
    /// about a microsecond a character; runs repeat (words, names, queries), so their conversions are kept.
    /// </summary>
    internal string ConvertTraditional(ReadOnlySpan<char> text)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var inRun = IsRunChar(text[i]);
            while (i < text.Length && IsRunChar(text[i]) == inRun)
            {
                i++;
            }

            var part = text[start..i];
            result.Append(inRun ? ConvertRun(part) : part);
        }

        return result.ToString();
    }

    /// <summary>True for the characters t2s keys are made of (the ranges of <see cref="BuildChangingSet"/>, and surrogates).</summary>
    private static bool IsRunChar(char c) =>
        c is (>= '\u2E80' and <= '\u2FDF') or (>= '\u3000' and <= '\u31FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uD800' and <= '\uDFFF');

    private string ConvertRun(ReadOnlySpan<char> run)
    {
        var lookup = _runs.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(run, out var converted))
        {
            return converted;
        }

        converted = ConvertWhole(run);
        if (_runs.Count >= MaxCachedRuns)
        {
            _runs.Clear();
        }

        _runs.TryAdd(new string(run), converted);
        return converted;
    }

    /// <summary>How many converted runs are kept; past it the cache starts over (bounded memory).</summary>
    private const int MaxCachedRuns = 50_000;

    /// <summary>One OpenCC call over the whole of <paramref name="text"/>.</summary>
    internal string ConvertWhole(ReadOnlySpan<char> text)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var bytes = ArrayPool<byte>.Shared.Rent(byteCount);
        var converter = Rent();
        try
        {
            var written = Encoding.UTF8.GetBytes(text, bytes);
            return _library.Convert(converter, bytes.AsSpan(0, written));
        }
        finally
        {
            Return(converter);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private nint Rent()
    {
        if (_pool.TryTake(out var converter))
        {
            return converter;
        }

        converter = _library.Open(_configPath);
        _all.Add(converter);
        return converter;
    }

    private void Return(nint converter) => _pool.Add(converter);

    /// <summary>
    /// True when <see cref="Normalize"/> would return <paramref name="text"/> unchanged and OpenCC would not be
    /// called: every character is inert (see <see cref="BuildInertSet"/>) or an emoji that NFKC and <c>t2s</c>
    /// leave alone, and spaces are single and inside the text. One table look-up a character, no copy.
    /// </summary>
    private bool IsAlreadyNormal(string text)
    {
        var inert = _inertBmp;
        var last = text.Length - 1;
        for (var i = 0; i <= last; i++)
        {
            var c = text[i];
            if (inert[c])
            {
                continue;
            }

            if (c == ' ' && i > 0 && i < last && text[i - 1] != ' ')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i < last && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (IsPlainEmoji(codePoint) && !_changesSupplementary.Contains(codePoint))
                {
                    i++;
                    continue;
                }
            }

            return false;
        }

        return true;
    }

    /// <summary>
    /// Pictographic emoji blocks (U+1F300–U+1FAFF): no decompositions, combining class 0, so NFKC keeps them
    /// whatever their neighbours. The enclosed alphanumerics and ideographs before U+1F300 do decompose.
    /// </summary>
    internal static bool IsPlainEmoji(int codePoint) => codePoint is >= 0x1F300 and <= 0x1FAFF;

    /// <summary>
    /// BMP characters that the loop in <see cref="Normalize"/> copies as they are and that never send a string
    /// through ICU or OpenCC: in the fast NFKC set (or a variation selector), not full-width, not whitespace,
    /// control or format, already lower-case, and not changed by <c>t2s</c>.
    /// </summary>
    private static bool[] BuildInertSet(bool[] changesBmp)
    {
        var inert = new bool[0x10000];
        for (var i = 0; i < inert.Length; i++)
        {
            var c = (char)i;
            if (!(IsFastNfkcChar(c) || c is '\uFE0E' or '\uFE0F') || c is >= '\uFF01' and <= '\uFF5E' || char.IsSurrogate(c) || char.IsWhiteSpace(c)
                || char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }

            inert[i] = c < 'ɏ' ? char.ToLowerInvariant(c) == c : !changesBmp[c];
        }

        return inert;
    }

    /// <summary>
    /// True when every character is one whose NFKC form is itself or is mapped in <see cref="Normalize"/>:
    /// ASCII, CJK unified ideographs, full-width ASCII forms, the ideographic space and common CJK
    /// punctuation without compatibility decompositions, and pictographic emoji.
    /// </summary>
    private static bool IsFastNfkc(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsFastNfkcChar(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                && IsPlainEmoji(char.ConvertToUtf32(c, text[i + 1])))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }

    private static bool IsFastNfkcChar(char c) =>
        c < '\u0080'
        || c is (>= '\u4E00' and <= '\u9FFF') or (>= '\uFF01' and <= '\uFF5E') or '\u3000' or '\u3001' or '\u3002'
            or (>= '\u3008' and <= '\u3011') or '\u2014' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u00B7';

    private static string ToNfkc(string text)
    {
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate (truncated emoji) makes the string invalid Unicode: replace it, then normalise.
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(chars[i]))
                {
                    chars[i] = '\uFFFD';
                }
            }

            return new string(chars).Normalize(NormalizationForm.FormKC);
        }
    }

    private static (bool[] Bmp, HashSet<int> Supplementary) BuildChangingSet(OpenCcLibrary library, nint converter)
    {
        // Every code point of the CJK blocks (and the compatibility and supplementary ideographs), one a
        // line: a line comes back different exactly when t2s changes that character on its own.
        var points = new List<int>(120_000);
        AddRange(points, 0x2E80, 0x2FDF);
        AddRange(points, 0x3000, 0x31FF);
        AddRange(points, 0x3400, 0x4DBF);
        AddRange(points, 0x4E00, 0x9FFF);
        AddRange(points, 0xF900, 0xFAFF);
        AddRange(points, 0xFE30, 0xFE4F);
        AddRange(points, 0x20000, 0x323AF);
        var text = new StringBuilder(points.Count * 3);
        foreach (var p in points)
        {
            text.Append(char.ConvertFromUtf32(p)).Append('\n');
        }

        var converted = library.Convert(converter, Encoding.UTF8.GetBytes(text.ToString()));
        var lines = converted.Split('\n');
        if (lines.Length < points.Count)
        {
            throw new TrendInsightException(
                $"OpenCC returned {lines.Length} lines for {points.Count} characters while building the t2s set.");
        }

        var bmp = new bool[0x10000];
        var supplementary = new HashSet<int>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (string.Equals(lines[i], char.ConvertFromUtf32(p), StringComparison.Ordinal))
            {
                continue;
            }

            if (p < 0x10000)
            {
                bmp[p] = true;
            }
            else
            {
                supplementary.Add(p);
            }
        }

        return (bmp, supplementary);
    }

    private static void AddRange(List<int> points, int first, int last)
    {
        for (var p = first; p <= last; p++)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(p) is not (UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate))
            {
                points.Add(p);
            }
        }
    }
}
