using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace TrendInsight.Simulation.Tests;

/// <summary>
/// Reads simulated landing files back independently of the simulator's writer: JSON Lines (gzip or
/// not) with System.Text.Json, CSV with a small RFC 4180 reader, UTF-8 or GB18030 by trial, Parquet with
/// Parquet.Net's untyped reader.
/// </summary>
public static class LandingReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static IEnumerable<string> FeedFiles(string root, string feed, bool includeResent = false) =>
        Directory.GetFiles(Path.Combine(root, feed))
            .Where(f => includeResent || !Path.GetFileName(f).Contains(".resend", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static string ReadText(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            bytes = ms.ToArray();
        }

        try
        {
            return StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936).GetString(bytes);
        }
    }

    public static IEnumerable<LandingRow> Rows(string path)
    {
        if (path.EndsWith(".parquet", StringComparison.Ordinal))
        {
            return ParquetRows(path);
        }

        return TextRows(path);
    }

    /// <summary>A Parquet file's rows with Parquet.Net's untyped reader: timestamps as ISO-8601 UTC, lists as <c>#a #b</c>.</summary>
    private static List<LandingRow> ParquetRows(string path)
    {
        var result = Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(File.OpenRead(path)).GetAwaiter().GetResult();
        return [.. result.Data.Select((row, i) => new LandingRow(path, i + 1, row.ToDictionary(p => p.Key, p => p.Value switch
        {
            null => null,
            DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture),
            string text => text,
            System.Collections.IEnumerable list => string.Join(' ', list.Cast<object?>().Select(e => "#" + e)),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        }, StringComparer.Ordinal)))];
    }

    private static IEnumerable<LandingRow> TextRows(string path)
    {
        var text = ReadText(path);
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        if (path.EndsWith(".csv", StringComparison.Ordinal))
        {
            var header = SplitCsv(lines[0].TrimEnd('\r'));
            for (var i = 1; i < count; i++)
            {
                var cells = SplitCsv(lines[i].TrimEnd('\r'));
                var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var c = 0; c < header.Count && c < cells.Count; c++)
                {
                    fields[header[c]] = cells[c].Length == 0 ? null : cells[c];
                }

                yield return new LandingRow(path, i + 1, fields);
            }

            yield break;
        }

        for (var i = 0; i < count; i++)
        {
            yield return new LandingRow(path, i + 1, ParseJson(lines[i]));
        }
    }

    private static Dictionary<string, string?>? ParseJson(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                fields[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Array => string.Join(' ', p.Value.EnumerateArray().Select(e => "#" + e.GetString())),
                    JsonValueKind.Null => null,
                    _ => p.Value.GetRawText(),
                };
            }

            return fields;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        cells.Add(sb.ToString());
        return cells;
    }
}
