using System.IO.Compression;
using System.Text;
using TrendInsight.Core;
using TrendInsight.Ingest.Validation;

namespace TrendInsight.Ingest.Tests;

/// <summary>
/// The flat-object scanner of <see cref="RowFields.LoadJson"/> against <see cref="System.Text.Json.Utf8JsonReader"/>: for
/// every line it reads, the same fields, kinds, values and first duplicate; every other line falls back to the reader.
/// </summary>
public sealed class RowFieldsTests
{
    private const string Comment =
        """{"event_id":"c1","ts":"2026-11-12T09:00:00+08:00","content_id":"n1","text":"这套国风汉服太好看了😍 求链接！","likes":12,"user_id":"u1","age_band":"18-23","gender":"f","city_tier":"new1","platform":"xhs"}""";

    private const string Engagement =
        """{"event_id":"e1","ts":1762909200000,"content_id":"n1","action":"purchase","count":1,"gmv":199.5,"user_id":null,"age_band":"<18","gender":"m","city_tier":"1","platform":"douyin"}""";

    private static readonly string[] Edges =
    [
        Comment,
        Engagement,
        """{"query":"露营灯","ts":"2026-11-12 09:00:00","count":-0,"platform":"baidu","extra":true,"more":false}""",
        """{"product_id":"p-1","ts":"2026-11-11","title":"灯芯绒外套","price":0.5,"sales":0,"shop_id":7}""",
        """ { "event_id" : "c1" ,	"likes" :	3 } """,
        "\r\n{\"event_id\":\"c1\"}\t\r\n",
        "{}",
        "{ }",
        "",
        " ",
        "[]",
        "\"text\"",
        "null",
        "\uFEFF" + Comment,
        Comment + "\uFEFF",
        """{"event_id":"c1","ts":"2026""",
        """{"event_id":"c1",}""",
        """{"event_id":"c1",,"ts":"x"}""",
        """{,"event_id":"c1"}""",
        """{"event_id":"c1","event_id":"c2"}""",
        """{"gender":null,"gender":"f","age_band":"<18","age_band":null}""",
        """{"unknown":1,"unknown":2,"event_id":"c1"}""",
        """{"text":"他说\"好看\"","event_id":"c\u0031"}""",
        """{"ev\u0065nt_id":"c1","event_id":"c2"}""",
        """{"text":"a\\b","n":"\/"}""",
        """{"text":"\ud800"}""",
        """{"text":"\u0000国风\u0000"}""",
        """{"tags":["国风","汉服"],"meta":{"x":[1,{"y":null}]},"event_id":"c1"}""",
        """{"event_id":{"nested":"c1"}}""",
        "{\"text\":\"a\tb\"}",
        "{\"text\":\"a\u0001b\"}",
        "{\"te\u001Fxt\":\"ab\"}",
        "{\"text\":\"a\u007Fb\"}",
        """{"likes":01}""",
        """{"likes":-01}""",
        """{"likes":-0}""",
        """{"likes":0.0,"count":-12.50}""",
        """{"likes":1e5}""",
        """{"likes":1E+5,"count":2.5e-3}""",
        """{"likes":1.}""",
        """{"likes":.5}""",
        """{"likes":+1}""",
        """{"likes":-}""",
        """{"likes":1x}""",
        """{"likes":NaN,"count":Infinity}""",
        """{"likes":12345678901234567890123}""",
        """{"flag":tru}""",
        """{"flag":truex}""",
        """{"flag":True}""",
        """{"flag":nul}""",
        """{"flag":NULL}""",
        """{"flag":falsey}""",
        """{"event_id":"c1"}{"event_id":"c2"}""",
        """{"event_id":"c1"} x""",
        """{"event_id":"c1"},""",
        """{"event_id" "c1"}""",
        """{"event_id":}""",
        """{"event_id":"c1""",
        """{"event_id":"c1}""",
        """{event_id:"c1"}""",
        """{'event_id':'c1'}""",
        """{"event_id":"c1"/*c*/}""",
        """{"event_id":"c1"} // c""",
        """{"文本":"x","text":"国风"}""",
        """{"text":"末尾反斜杠\\"}""",
        """{"text":"\"}""",
        """{"event_id":"c1","ts":"2026-11-12T09:00:00+08:00","text":"多巴胺穿搭 一周不重样","likes":"1.2万"}""",
    ];

    // One reader per path, reused line after line as the ingest workers reuse theirs.
    private readonly RowFields _reader = new();
    private readonly RowFields _flat = new();
    private readonly RowFields _both = new();

    private static readonly byte[] Inserted = [.. " \t\n\r,\":\\{}[]0-e"u8, 0x01, 0x1F, 0xFF];

    [Theory]
    [MemberData(nameof(EdgeLines))]
    public void LoadJson_EdgeLine_SameFieldsAsJsonReader(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        Assert.Null(Difference(bytes));
    }

    [Fact]
    public void LoadJson_SampleLinesTruncatedCutAndSpliced_SameFieldsAsJsonReader()
    {
        // The first lines of each sample file give every feed's shape; the edge lines the odd ones.
        var lines = SampleLines(perFile: 4).Concat(Edges.Select(Encoding.UTF8.GetBytes)).ToList();
        var checkedLines = 0;
        var differences = new List<string>();
        foreach (var line in lines)
        {
            foreach (var variant in Variants(line))
            {
                checkedLines++;
                if (Difference(variant) is { } difference && differences.Count < 10)
                {
                    differences.Add(difference);
                }
            }
        }

        Assert.True(checkedLines > 100_000, $"only {checkedLines} lines");
        Assert.Empty(differences);
    }

    [Fact]
    public void TryLoadFlat_EventLinesOfEveryFeed_ReadWithoutTheReader()
    {
        var fields = new RowFields();
        var flat = SampleLines().Where(l => !l.AsSpan().ContainsAny("\\["u8) && new RowFields().LoadJsonWithReader(l)).ToList();
        Assert.True(flat.Count >= 20, $"{flat.Count} sample lines");
        Assert.All(flat, line => Assert.True(fields.TryLoadFlat(line), Encoding.UTF8.GetString(line)));
        Assert.True(fields.TryLoadFlat(Encoding.UTF8.GetBytes(Comment)));
        Assert.True(fields.TryLoadFlat(Encoding.UTF8.GetBytes(Engagement)));
    }

    [Fact]
    public void LoadJson_DuplicateFieldAfterNull_FirstDuplicateAndLastValue()
    {
        var fields = new RowFields();
        Assert.True(fields.LoadJson(Encoding.UTF8.GetBytes("""{"gender":null,"age_band":"<18","gender":"f","age_band":"50+"}""")));
        Assert.Equal(LandingField.IdOf("gender"), fields.DuplicateField);
        Assert.Equal("f", Encoding.UTF8.GetString(fields.Utf8(LandingField.IdOf("gender"))));
        Assert.Equal("50+", Encoding.UTF8.GetString(fields.Utf8(LandingField.IdOf("age_band"))));
    }

    [Fact]
    public void LoadJson_RowsNamingFieldsInAnotherOrderThanTheRowBefore_SameFieldsAsJsonReader()
    {
        // The scanner tries first the field the row before named at the same place: a longer name, another order,
        // an unknown field in between must still be read as the JSON reader reads them.
        string[] rows =
        [
            """{"text":"国风","likes":1,"event_id":"c1"}""",
            """{"text_extra":"复古","text":"露营","likes":2}""",
            """{"likes":3,"text":"汉服","event_id":"c3"}""",
            """{"text":"灯芯绒","text":"马面裙","likes":4}""",
            """{"tex":"x","text":"y"}""",
            """{"text":"国风","likes":1,"event_id":"c1"}""",
        ];
        foreach (var row in rows)
        {
            Assert.Null(Difference(Encoding.UTF8.GetBytes(row)));
        }
    }

    public static TheoryData<string> EdgeLines() => [.. Edges];

    /// <summary>Null when both readers agree on <paramref name="line"/>; else what each made of it.</summary>
    private string? Difference(byte[] line)
    {
        var expectedOk = _reader.LoadJsonWithReader(line);
        if (_flat.TryLoadFlat(line) && (!expectedOk || !Same(_flat, _reader)))
        {
            return $"{Show(line)}: flat scanner {Snapshot(_flat)}, JSON reader {(expectedOk ? Snapshot(_reader) : "rejected")}";
        }

        var actualOk = _both.LoadJson(line);
        if (actualOk != expectedOk || (expectedOk && !Same(_both, _reader)))
        {
            return $"{Show(line)}: LoadJson {(actualOk ? Snapshot(_both) : "rejected")}, JSON reader {(expectedOk ? Snapshot(_reader) : "rejected")}";
        }

        return null;
    }

    private static bool Same(RowFields a, RowFields b)
    {
        if (a.DuplicateField != b.DuplicateField)
        {
            return false;
        }

        for (var f = 0; f < LandingField.Total; f++)
        {
            if (a.Kind(f) != b.Kind(f) || !a.Utf8(f).SequenceEqual(b.Utf8(f)))
            {
                return false;
            }
        }

        return true;
    }

    private static string Snapshot(RowFields fields) =>
        string.Join(' ', Enumerable.Range(0, LandingField.Total)
            .Where(f => fields.Kind(f) != FieldKind.Missing)
            .Select(f => $"{LandingField.Names[f]}={fields.Kind(f)}:{Convert.ToHexString(fields.Utf8(f))}"))
        + $" duplicate={fields.DuplicateField}";

    private static string Show(byte[] line) => Convert.ToHexString(line) + " " + Encoding.UTF8.GetString(line);

    /// <summary>The line, every prefix of it, and it with each byte dropped or one of <see cref="Inserted"/> put before it.</summary>
    private static IEnumerable<byte[]> Variants(byte[] line)
    {
        yield return line;
        for (var p = 0; p < line.Length; p++)
        {
            yield return line[..p];
            yield return [.. line[..p], .. line[(p + 1)..]];
            foreach (var b in Inserted)
            {
                yield return [.. line[..p], b, .. line[p..]];
            }
        }
    }

    /// <summary>
    /// The JSON lines of the committed samples (data/samples/contract and data/samples/landing), gzip ones decompressed:
    /// every line, or the first <paramref name="perFile"/> of each file.
    /// </summary>
    private static List<byte[]> SampleLines(int perFile = int.MaxValue)
    {
        var samples = Path.Combine(AssetLocator.Root, "data", "samples");
        var lines = new List<byte[]>();
        foreach (var path in Directory.EnumerateFiles(samples, "*.jsonl*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var file = File.OpenRead(path);
            using Stream text = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var memory = new MemoryStream();
            try
            {
                text.CopyTo(memory);
            }
            catch (InvalidDataException)
            {
                // The truncated sample: its lines up to the cut are still lines.
            }

            foreach (var line in Encoding.UTF8.GetString(memory.ToArray()).Split('\n').Take(perFile))
            {
                if (line.Trim().Length > 0)
                {
                    lines.Add(Encoding.UTF8.GetBytes(line.TrimEnd('\r')));
                }
            }
        }

        return lines;
    }
}
