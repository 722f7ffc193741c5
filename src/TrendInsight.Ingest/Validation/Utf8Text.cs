using System.Text;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// What the validator needs of UTF-8 field values without decoding them to strings: trimming and
/// blank tests with .NET's notion of white space (<see cref="char.IsWhiteSpace(char)"/>, so the ideographic
/// space counts), code point counts and ASCII case-insensitive comparison.
/// </summary>
internal static class Utf8Text
{
    /// <summary>The value without leading and trailing white space (as <see cref="string.Trim()"/> would).</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        while (!value.IsEmpty)
        {
            var b = value[0];
            if (b < 0x80)
            {
                if (!IsAsciiSpace(b))
                {
                    break;
                }

                value = value[1..];
                continue;
            }

            // Every non-ASCII white space character (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000) starts with one
            // of these bytes; a hanzi or an emoji does not, and is not decoded.
            if (b is not (0xC2 or 0xE1 or 0xE2 or 0xE3)
                || Rune.DecodeFromUtf8(value, out var rune, out var used) != System.Buffers.OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                break;
            }

            value = value[used..];
        }

        while (!value.IsEmpty)
        {
            var b = value[^1];
            if (b < 0x80)
            {
                if (!IsAsciiSpace(b))
                {
                    break;
                }

                value = value[..^1];
                continue;
            }

            if (Rune.DecodeLastFromUtf8(value, out var rune, out var used) != System.Buffers.OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                break;
            }

            value = value[..^used];
        }

        return value;
    }

    /// <summary>True when the value is empty or only white space.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> value) => Trim(value).IsEmpty;

    /// <summary>Number of code points (UTF-8 bytes that do not continue a sequence).</summary>
    public static int CodePoints(ReadOnlySpan<byte> value)
    {
        var continuation = 0;
        foreach (var b in value)
        {
            if ((b & 0xC0) == 0x80)
            {
                continuation++;
            }
        }

        return value.Length - continuation;
    }

    /// <summary>The candidate that <paramref name="value"/> spells ignoring ASCII case; -1 when none.</summary>
    public static int IndexOfIgnoreCase(ReadOnlySpan<byte> value, byte[][] candidates)
    {
        for (var i = 0; i < candidates.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(value, candidates[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Removes NUL bytes in place; returns the new length.</summary>
    public static int RemoveNul(Span<byte> value)
    {
        var w = value.IndexOf((byte)0);
        if (w < 0)
        {
            return value.Length;
        }

        for (var r = w; r < value.Length; r++)
        {
            if (value[r] != 0)
            {
                value[w++] = value[r];
            }
        }

        return w;
    }

    private static bool IsAsciiSpace(byte b) => b is (byte)' ' or (>= 0x09 and <= 0x0D);
}
