using System.Buffers;
using System.Text;

namespace TrendInsight.Ingest.Reading;

/// <summary>RFC 4180 field splitting over the bytes of one record (comma separated, <c>""</c> escapes a quote).</summary>
/// <remarks>
/// Working on bytes is safe for GB18030 as well as UTF-8: no byte of a GB18030 multi-byte sequence is a
/// comma, quote, CR or LF.
/// </remarks>
internal static class CsvSplitter
{
    /// <summary>Splits and decodes; false when a field is not valid in <paramref name="encoding"/> or a quote is unbalanced.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> record, Encoding encoding, List<string> fields, out string? error)
    {
        fields.Clear();
        error = null;
        var field = new ArrayBufferWriter<byte>(64);
        var i = 0;
        while (true)
        {
            field.ResetWrittenCount();
            if (i < record.Length && record[i] == (byte)'"')
            {
                i++;
                var closed = false;
                while (i < record.Length)
                {
                    var q = record[i..].IndexOf((byte)'"');
                    if (q < 0)
                    {
                        break;
                    }

                    field.Write(record.Slice(i, q));
                    i += q + 1;
                    if (i < record.Length && record[i] == (byte)'"')
                    {
                        field.Write("\""u8);
                        i++;
                        continue;
                    }

                    closed = true;
                    break;
                }

                if (!closed)
                {
                    error = "unbalanced_quote";
                    return false;
                }

                // Anything between the closing quote and the comma is kept, as spreadsheets do.
                var rest = record[i..].IndexOf((byte)',');
                var tail = rest < 0 ? record[i..] : record.Slice(i, rest);
                field.Write(tail);
                i += tail.Length;
            }
            else
            {
                var comma = record[i..].IndexOf((byte)',');
                var raw = comma < 0 ? record[i..] : record.Slice(i, comma);
                field.Write(raw);
                i += raw.Length;
            }

            var text = TextDecoding.TryDecode(encoding, field.WrittenSpan);
            if (text is null)
            {
                error = "invalid_encoding";
                return false;
            }

            fields.Add(text);
            if (i >= record.Length)
            {
                return true;
            }

            i++; // the comma
            if (i == record.Length)
            {
                fields.Add(string.Empty);
                return true;
            }
        }
    }
}
