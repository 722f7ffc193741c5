using System.Text;
using TrendInsight.Ingest.Reading;

namespace TrendInsight.Ingest.Tests;

/// <summary>The probe's count of non-ASCII and broken lines, which decides a file's encoding, read in chunks as a file is read.</summary>
public sealed class FileProbeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1000)]
    [InlineData(1 << 16)]
    public void LineScanner_MixedLinesInChunks_SameCountsAsLineByLine(int chunk)
    {
        var random = new Random(14);
        string[] texts = ["露营灯怎么选", "國風汉服 #新中式", "citywalk 路线", "多巴胺穿搭😍", "复古灯芯绒", "plain ascii"];
        var file = new List<byte>();
        for (var i = 0; i < 3000; i++)
        {
            var text = $$"""{"event_id":"c{{i}}","text":"{{texts[random.Next(texts.Length)]}}"}""";
            byte[] line = random.Next(10) switch
            {
                0 => TextDecoding.Gb18030.GetBytes(text),
                1 => [.. Encoding.UTF8.GetBytes(text)[..^4], 0xE9, 0x9C],
                2 => [.. Encoding.UTF8.GetBytes(text), 0xFF],
                _ => Encoding.UTF8.GetBytes(text),
            };
            file.AddRange(line);
            file.AddRange(random.Next(4) switch
            {
                0 => "\r\n"u8.ToArray(),
                1 => "\r"u8.ToArray(),
                _ => "\n"u8.ToArray(),
            });
        }

        file.AddRange(Encoding.UTF8.GetBytes("{\"text\":\"最后一行没有换行\"}"));
        var bytes = file.ToArray();

        var scanner = new FileProbe.LineScanner(1 << 20);
        for (var at = 0; at < bytes.Length; at += chunk)
        {
            scanner.Feed(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)));
        }

        scanner.Finish();

        Assert.Equal(LineByLine(bytes), scanner.Lines);
    }

    /// <summary>Each line on its own: non-ASCII ones counted, and those of them that are not UTF-8.</summary>
    private static (long NonAscii, long Invalid) LineByLine(byte[] bytes)
    {
        long nonAscii = 0, invalid = 0;
        var rest = bytes.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny((byte)'\n', (byte)'\r');
            var line = end < 0 ? rest : rest[..end];
            if (!Ascii.IsValid(line))
            {
                nonAscii++;
                invalid += System.Text.Unicode.Utf8.IsValid(line) ? 0 : 1;
            }

            rest = end < 0 ? default : rest[(end + 1)..];
        }

        Assert.True(invalid > 100 && nonAscii > invalid * 3, $"{nonAscii} non-ASCII lines, {invalid} broken");
        return (nonAscii, invalid);
    }
}
