using System.Text;

namespace TrendInsight.Ingest.Reading;

/// <summary>Strict decoders: a byte sequence that is not valid in the file's encoding is an error, never a U+FFFD.</summary>
internal static class TextDecoding
{
    static TextDecoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Gb18030 = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Gb18030 { get; }

    /// <summary>Lenient UTF-8 for showing a raw line that failed to decode.</summary>
    public static Encoding Lenient { get; } = new UTF8Encoding(false, false);

    public static Encoding For(LandingEncoding encoding) => encoding == LandingEncoding.Gb18030 ? Gb18030 : Utf8;

    /// <summary>Decodes or returns null when the bytes are invalid in <paramref name="encoding"/>.</summary>
    public static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The raw line as well as it can be shown (for quarantine).</summary>
    public static string Raw(LandingEncoding encoding, ReadOnlySpan<byte> bytes)
    {
        if (encoding == LandingEncoding.Gb18030)
        {
            var strict = TryDecode(Gb18030, bytes);
            if (strict is not null)
            {
                return strict;
            }
        }

        return Lenient.GetString(bytes);
    }
}
