using System.Globalization;
using System.Text.RegularExpressions;
using TrendInsight.Core;

namespace TrendInsight.Text.Jieba;

/// <summary>
/// jieba's finalseg model: a four-state (B, E, M, S) HMM over Chinese characters, in log
/// probabilities. States are indexed alphabetically (B=0, E=1, M=2, S=3) because jieba breaks ties
/// between equal probabilities by comparing the state letters.
/// </summary>
internal sealed partial class HmmModel
{
    /// <summary>jieba's <c>MIN_FLOAT</c>: the log probability of anything the model has not seen.</summary>
    public const double MinFloat = -3.14e100;

    public const int B = 0;
    public const int E = 1;
    public const int M = 2;
    public const int S = 3;

    private const string States = "BEMS";

    private HmmModel(string source)
    {
        Source = source;
        for (var s = 0; s < 4; s++)
        {
            Emit[s] = new double[0x10000];
            Array.Fill(Emit[s], MinFloat);
        }

        Array.Fill(Start, MinFloat);
        Array.Fill(Trans, MinFloat);
    }

    /// <summary>Where the model was read from.</summary>
    public string Source { get; }

    public double[] Start { get; } = new double[4];

    /// <summary>Transition log probabilities, <c>[from * 4 + to]</c>.</summary>
    public double[] Trans { get; } = new double[16];

    /// <summary>Emission log probabilities per state, indexed by UTF-16 character.</summary>
    public double[][] Emit { get; } = new double[4][];

    /// <summary>
    /// Reads python jieba's <c>finalseg/prob_start.py</c>, <c>prob_trans.py</c> and <c>prob_emit.py</c>
    /// (full double precision, as jieba 0.42.1 uses them).
    /// </summary>
    public static HmmModel LoadPython(string finalsegFolder)
    {
        var model = new HmmModel(finalsegFolder);
        var startFile = AssetLocator.Require(Path.Combine(finalsegFolder, "prob_start.py"));
        var transFile = AssetLocator.Require(Path.Combine(finalsegFolder, "prob_trans.py"));
        var emitFile = AssetLocator.Require(Path.Combine(finalsegFolder, "prob_emit.py"));

        foreach (Match m in PythonEntry().Matches(File.ReadAllText(startFile)))
        {
            model.Start[StateIndex(m.Groups[1].Value, startFile)] = ParseDouble(m.Groups[2].Value, startFile);
        }

        foreach (var (from, to, value) in ReadNested(transFile))
        {
            model.Trans[(StateIndex(from, transFile) * 4) + StateIndex(to, transFile)] = value;
        }

        var emitted = 0;
        foreach (var (state, key, value) in ReadNested(emitFile))
        {
            var c = Unescape(key, emitFile);
            if (c.Length == 1)
            {
                model.Emit[StateIndex(state, emitFile)][c[0]] = value;
                emitted++;
            }
        }

        if (emitted < 1000)
        {
            throw new TrendInsightException($"{emitFile}: only {emitted} emission probabilities read; the file is not jieba's prob_emit.py.");
        }

        return model;
    }

    /// <summary>Reads cppjieba's <c>hmm_model.utf8</c> (emissions rounded to six decimals).</summary>
    public static HmmModel LoadCppJieba(string path)
    {
        AssetLocator.Require(path);
        var model = new HmmModel(path);
        var lines = File.ReadAllLines(path)
            .Select((text, index) => (Text: text.Trim(), Line: index + 1))
            .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#'))
            .ToList();
        if (lines.Count < 9)
        {
            throw new TrendInsightException($"{path}: expected start, 4 transition and 4 emission lines, found {lines.Count}.");
        }

        var start = SplitNumbers(lines[0].Text, path, lines[0].Line);
        Array.Copy(start, model.Start, 4);
        for (var from = 0; from < 4; from++)
        {
            // cppjieba orders states B, E, M, S too.
            var row = SplitNumbers(lines[1 + from].Text, path, lines[1 + from].Line);
            Array.Copy(row, 0, model.Trans, from * 4, 4);
        }

        for (var state = 0; state < 4; state++)
        {
            var (text, line) = lines[5 + state];
            foreach (var pair in text.Split(','))
            {
                var colon = pair.LastIndexOf(':');
                if (colon <= 0)
                {
                    throw new TrendInsightException($"{path}:{line}: bad emission entry '{pair}'.");
                }

                var key = pair[..colon];
                if (key.Length == 1)
                {
                    model.Emit[state][key[0]] = ParseDouble(pair[(colon + 1)..], path, line);
                }
            }
        }

        return model;
    }

    private static IEnumerable<(string Outer, string Inner, double Value)> ReadNested(string file)
    {
        var text = File.ReadAllText(file);
        var outer = OuterKey().Matches(text).Select(m => (m.Index, Key: m.Groups[1].Value)).ToList();
        if (outer.Count != 4)
        {
            throw new TrendInsightException($"{file}: expected the four states B, E, M, S, found {outer.Count}.");
        }

        for (var i = 0; i < outer.Count; i++)
        {
            var begin = outer[i].Index;
            var end = i + 1 < outer.Count ? outer[i + 1].Index : text.Length;
            var body = text[(begin + 6)..end];
            foreach (Match m in PythonEntry().Matches(body))
            {
                yield return (outer[i].Key, m.Groups[1].Value, ParseDouble(m.Groups[2].Value, file));
            }
        }
    }

    private static string Unescape(string key, string file)
    {
        if (key.StartsWith("\\u", StringComparison.Ordinal) && key.Length == 6)
        {
            return ((char)int.Parse(key.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString();
        }

        if (key.StartsWith('\\'))
        {
            throw new TrendInsightException($"{file}: unsupported escape '{key}'.");
        }

        return key;
    }

    private static int StateIndex(string state, string file)
    {
        var index = States.IndexOf(state, StringComparison.Ordinal);
        if (state.Length != 1 || index < 0)
        {
            throw new TrendInsightException($"{file}: unknown HMM state '{state}'.");
        }

        return index;
    }

    private static double[] SplitNumbers(string text, string file, int line)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4)
        {
            throw new TrendInsightException($"{file}:{line}: expected 4 numbers, found {parts.Length}.");
        }

        return parts.Select(p => ParseDouble(p, file, line)).ToArray();
    }

    private static double ParseDouble(string text, string file, int line = 0)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new TrendInsightException($"{file}{(line > 0 ? ":" + line.ToString(CultureInfo.InvariantCulture) : string.Empty)}: '{text}' is not a number.");
        }

        return value;
    }

    [GeneratedRegex(@"'([BEMS])': \{")]
    private static partial Regex OuterKey();

    [GeneratedRegex(@"'(\\u[0-9a-fA-F]{4}|[^'\\])':\s*(-?[0-9.]+(?:e[+-]?[0-9]+)?)")]
    private static partial Regex PythonEntry();
}
