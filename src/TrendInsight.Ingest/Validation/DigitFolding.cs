using System.Globalization;
using System.Text;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// Folds the digits and punctuation that Chinese input methods and other locales type into ASCII before a
/// timestamp or number is parsed: full-width forms by NFKC (<c>２０２６－１１－２０</c>, <c>１２：００</c>, <c>￥</c>),
/// then any other decimal digit (Arabic-Indic <c>٨</c>, Devanagari …) by its value.
/// </summary>
internal static class DigitFolding
{
    public static string Fold(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        StringBuilder? sb = null;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c < 0x80)
            {
                sb?.Append(c);
                continue;
            }

            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit >= 0)
            {
                sb ??= new StringBuilder(folded, 0, i, folded.Length);
                sb.Append((char)('0' + digit));
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? folded;
    }

    /// <summary>The UTF-8 value folded; the same span when it is ASCII.</summary>
    public static ReadOnlySpan<byte> Fold(ReadOnlySpan<byte> utf8) =>
        Ascii.IsValid(utf8) ? utf8 : Encoding.UTF8.GetBytes(Fold(Encoding.UTF8.GetString(utf8)));
}
