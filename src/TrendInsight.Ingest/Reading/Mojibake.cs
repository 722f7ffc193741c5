using System.Text;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// Spots a GBK/GB18030 line inside a UTF-8 file whose bytes happen to be valid UTF-8 too: GBK's two-byte
/// hanzi often fall in UTF-8's two-byte range (露营 = <c>C2 B6 D3 AA</c> reads as "¶Ӫ"). Such a line is
/// quarantined as invalid_encoding instead of being stored as garbage.
/// </summary>
internal static class Mojibake
{
    /// <summary>
    /// True when a valid UTF-8 line has no three- or four-byte sequence (real Chinese UTF-8 has them), has a run of
    /// at least two two-byte characters that is not a word of one alphabet (Latin, Greek, Cyrillic, Armenian,
    /// Hebrew, Arabic), and decodes as GB18030 to hanzi and CJK punctuation only.
    /// </summary>
    public static bool LooksLikeGbk(ReadOnlySpan<byte> utf8)
    {
        var first = utf8.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
        if (first < 0 || utf8[first..].IndexOfAnyInRange((byte)0xE0, (byte)0xFF) >= 0)
        {
            return false;
        }

        if (!HasForeignRun(utf8[first..]))
        {
            return false;
        }

        var text = TextDecoding.TryDecode(TextDecoding.Gb18030, utf8);
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c >= 0x80 && !IsCjk(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasForeignRun(ReadOnlySpan<byte> utf8)
    {
        var run = 0;
        var block = -1;
        var plausible = true;
        while (!utf8.IsEmpty)
        {
            if (utf8[0] < 0x80)
            {
                if (run >= 2 && !plausible)
                {
                    return true;
                }

                run = 0;
                block = -1;
                plausible = true;
                utf8 = utf8[1..];
                continue;
            }

            Rune.DecodeFromUtf8(utf8, out var rune, out var used);
            var b = Block(rune);
            if (b < 0 || !Rune.IsLetter(rune) || (block >= 0 && b != block))
            {
                plausible = false;
            }

            block = b;
            run++;
            utf8 = utf8[used..];
        }

        return run >= 2 && !plausible;
    }

    /// <summary>The alphabet of a two-byte UTF-8 character; -1 for symbols, IPA and combining marks.</summary>
    private static int Block(Rune rune) => rune.Value switch
    {
        >= 0xC0 and <= 0x24F => 0,
        >= 0x370 and <= 0x3FF => 1,
        >= 0x400 and <= 0x52F => 2,
        >= 0x530 and <= 0x58F => 3,
        >= 0x590 and <= 0x5FF => 4,
        >= 0x600 and <= 0x6FF => 5,
        _ => -1,
    };

    private static bool IsCjk(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u3000' and <= '\u303F') or (>= '\uFF00' and <= '\uFFEF');
}
