using System.Globalization;
using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization.NamingConventions;

namespace TrendInsight.Core.Config;

/// <summary>
/// Checks a configuration file's YAML against the shape of <see cref="PipelineConfig"/> before it is
/// bound, so that every mistake is reported in YAML's terms (key, line, what was expected) rather than
/// as a .NET type: an empty file, a key given twice, an unknown key, a list where a value belongs, a
/// word where a number belongs.
/// </summary>
internal static class YamlShape
{
    public static void Check(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex) when (ex.Message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            var name = ex.Message["Duplicate key".Length..].Trim();
            throw Error(path, ex.Start.Line, ex.Start.Column, $"the key '{name}' is given twice in the same section; keep one");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            throw new TrendInsightException(
                $"{path}: the configuration file is empty; give the sections to change (engine:, ingest:, text:, analysis:, report:, schedule:), "
                + "or leave out --config to use the shipped pipelines/trendinsight.yaml.");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw Error(path, second.Line, second.Column, "the file holds more than one YAML document (---); keep one");
        }

        Check(path, stream.Documents[0].RootNode, typeof(PipelineConfig), null);
    }

    private static void Check(string path, YamlNode node, Type type, string? key)
    {
        if (node.NodeType == YamlNodeType.Alias)
        {
            return;
        }

        var where = key is null ? string.Empty : key + ": ";
        if (type == typeof(string))
        {
            Expect<YamlScalarNode>(path, node, where, "text");
        }
        else if (type == typeof(int))
        {
            var value = Expect<YamlScalarNode>(path, node, where, "a whole number").Value;
            if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                throw Error(path, node, $"{where}expected a whole number, found {Describe(node)}");
            }
        }
        else if (type == typeof(double))
        {
            var value = Expect<YamlScalarNode>(path, node, where, "a number").Value;
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw Error(path, node, $"{where}expected a number, found {Describe(node)}");
            }
        }
        else if (type == typeof(bool))
        {
            var value = Expect<YamlScalarNode>(path, node, where, "true or false").Value;
            if (!bool.TryParse(value, out _))
            {
                throw Error(path, node, $"{where}expected true or false, found {Describe(node)}");
            }
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = Expect<YamlSequenceNode>(path, node, where, "a list ([a, b] or one '- item' line each)");
            var index = 0;
            foreach (var item in list.Children)
            {
                Check(path, item, type.GetGenericArguments()[0], string.Create(CultureInfo.InvariantCulture, $"{key}[{index++}]"));
            }
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var map = Expect<YamlMappingNode>(path, node, where, "'name: value' lines");
            foreach (var (nameNode, valueNode) in map.Children)
            {
                Check(path, valueNode, type.GetGenericArguments()[1], $"{key}.{(nameNode as YamlScalarNode)?.Value}");
            }
        }
        else
        {
            CheckSection(path, node, type, key, where);
        }
    }

    private static void CheckSection(string path, YamlNode node, Type type, string? key, string where)
    {
        var section = Expect<YamlMappingNode>(path, node, where,
            key is null ? "sections such as engine: and ingest:" : "settings, one 'name: value' line each");
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => UnderscoredNamingConvention.Instance.Apply(p.Name), StringComparer.Ordinal);
        foreach (var (nameNode, valueNode) in section.Children)
        {
            var name = (nameNode as YamlScalarNode)?.Value ?? string.Empty;
            var full = key is null ? name : key + "." + name;
            if (!properties.TryGetValue(name, out var property))
            {
                throw Error(path, nameNode,
                    $"{full}: unknown key; {(key is null ? "the sections are" : $"the keys of {key}: are")} {string.Join(", ", properties.Keys)}");
            }

            Check(path, valueNode, property.PropertyType, full);
        }
    }

    private static T Expect<T>(string path, YamlNode node, string where, string expected)
        where T : YamlNode =>
        node as T ?? throw Error(path, node, $"{where}expected {expected}, found {Describe(node)}");

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a set of 'name: value' settings",
        _ => "something else",
    };

    private static TrendInsightException Error(string path, YamlNode node, string message) =>
        Error(path, node.Start.Line, node.Start.Column, message);

    private static TrendInsightException Error(string path, long line, long column, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{path}:{line}:{column}: {message}"));
}
