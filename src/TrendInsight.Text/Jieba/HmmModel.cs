using System.Globalization;
using System.Text.Json;
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
        var files = PythonFiles(finalsegFolder);
        var startFile = AssetLocator.Require(files[0]);
        var transFile = AssetLocator.Require(files[1]);
        var emitFile = AssetLocator.Require(files[2]);

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

    /// <summary>
    /// Reads jieba.NET's <c>prob_trans.json</c> and <c>prob_emit.json</c> from <paramref name="folder"/>
    /// (python jieba's tables in JSON, full double precision), with python jieba's start probabilities.
    /// </summary>
    public static HmmModel LoadJson(string folder)
    {
        var files = JsonFiles(folder);
        var transFile = files[0];
        var emitFile = files[1];
        AssetLocator.Require(transFile);
        AssetLocator.Require(emitFile);
        var model = new HmmModel(folder);
        Array.Copy(JiebaData.HmmStart, model.Start, 4);
        foreach (var (from, to, value) in ReadJson(transFile))
        {
            model.Trans[(StateIndex(from, transFile) * 4) + StateIndex(to, transFile)] = value;
        }

        var emitted = 0;
        foreach (var (state, key, value) in ReadJson(emitFile))
        {
            if (key.Length == 1)
            {
                model.Emit[StateIndex(state, emitFile)][key[0]] = value;
                emitted++;
            }
        }

        if (emitted < 1000)
        {
            throw new TrendInsightException($"{emitFile}: only {emitted} emission probabilities read; the file is not jieba's prob_emit.json.");
        }

        return model;
    }

    /// <summary>Whether <paramref name="folder"/> holds python jieba's tables (<see cref="LoadPython"/>) rather than jieba.NET's (<see cref="LoadJson"/>).</summary>
    public static bool HasPythonTables(string folder) => File.Exists(PythonFiles(folder)[0]);

    /// <summary>The files <see cref="LoadPython"/> reads: start, transition and emission tables.</summary>
    public static string[] PythonFiles(string folder) =>
        [Path.Combine(folder, "prob_start.py"), Path.Combine(folder, "prob_trans.py"), Path.Combine(folder, "prob_emit.py")];

    /// <summary>The files <see cref="LoadJson"/> reads: transition and emission tables.</summary>
    public static string[] JsonFiles(string folder) => [Path.Combine(folder, "prob_trans.json"), Path.Combine(folder, "prob_emit.json")];

    /// <summary>A model from tables read before (the dictionary cache): start and transition tables, and the emissions that are set.</summary>
    public static HmmModel FromTables(string source, double[] start, double[] trans, IEnumerable<(int State, char Char, double Value)> emit)
    {
        var model = new HmmModel(source);
        Array.Copy(start, model.Start, 4);
        Array.Copy(trans, model.Trans, 16);
        foreach (var (state, c, value) in emit)
        {
            model.Emit[state][c] = value;
        }

        return model;
    }

    private static List<(string Outer, string Inner, double Value)> ReadJson(string file)
    {
        var entries = new List<(string, string, double)>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var state in document.RootElement.EnumerateObject())
            {
                foreach (var entry in state.Value.EnumerateObject())
                {
                    entries.Add((state.Name, entry.Name, entry.Value.GetDouble()));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new TrendInsightException($"{file}: not jieba's HMM table ({ex.Message}).", inner: ex);
        }

        if (entries.Select(e => e.Item1).Distinct(StringComparer.Ordinal).Count() != 4)
        {
            throw new TrendInsightException($"{file}: expected the four states B, E, M, S.");
        }

        return entries;
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
