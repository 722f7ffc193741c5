using System.Buffers;
using System.IO.Compression;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// Streams the physical lines of a landing file (gzip-decompressed when the probe found gzip) with their
/// 1-based line numbers, in memory bounded by the longest line allowed: a UTF-8 BOM is dropped; LF, CRLF
/// and a lone CR each end a line; NUL bytes are removed (they are never meaningful in text and DuckDB
/// strings cannot hold them). A line longer than the limit is not buffered: its first
/// <see cref="ExcerptBytes"/> bytes are kept, the rest is counted and skipped, and <see cref="TooLong"/> is set.
/// A line handed out is valid until the next call.
/// </summary>
internal sealed class RecordReader : IDisposable
{
    /// <summary>How much of an over-long line is kept for the quarantine.</summary>
    public const int ExcerptBytes = 4096;

    private const int ReadSize = 1 << 16;
    private readonly Stream _file;
    private readonly Stream _text;
    private readonly int _maxLine;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ReadSize * 2);
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;
    private byte[] _joined = [];
    private readonly byte[] _excerpt = new byte[ExcerptBytes];
    private int _excerptLength;
    private bool _skipping;
    private long _skipped;
    private long _physicalLine;

    public RecordReader(Stream file, bool gzip, int maxLineBytes)
    {
        _file = file;
        _text = gzip ? new GZipStream(_file, CompressionMode.Decompress) : _file;
        _maxLine = maxLineBytes;
    }

    /// <summary>Line number of the line (or first line of the CSV record) last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes of the file (compressed, as delivered) consumed so far.</summary>
    public long BytesRead => _file.Position;

    /// <summary>True when the decompressor hit corrupt data: the last line returned may be cut.</summary>
    public bool Corrupt { get; private set; }

    /// <summary>The line (record) last returned was longer than the limit: it is only its first bytes.</summary>
    public bool TooLong { get; private set; }

    /// <summary>The full length in bytes of the line (record) last returned when it was <see cref="TooLong"/>.</summary>
    public long TooLongBytes { get; private set; }

    /// <summary>How the line last returned ended: <c>\n</c>, <c>\r\n</c>, <c>\r</c>, or nothing at the end of the file.</summary>
    public ReadOnlySpan<byte> Terminator => _terminator switch
    {
        1 => "\n"u8,
        2 => "\r\n"u8,
        3 => "\r"u8,
        _ => default,
    };

    private int _terminator;

    /// <summary>Next physical line without its terminator; false at the end.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        TooLong = false;
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var brk = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (brk >= 0 && span[brk] == '\r' && brk == span.Length - 1 && !_eof)
            {
                // CR at the end of what was read: LF may follow in the next read.
                if (_skipping || brk > _maxLine)
                {
                    Skip(span[..brk]);
                    _start += brk;
                }

                Fill();
                continue;
            }

            if (brk >= 0)
            {
                var crlf = span[brk] == '\r' && brk + 1 < span.Length && span[brk + 1] == '\n';
                _terminator = crlf ? 2 : span[brk] == '\r' ? 3 : 1;
                if (_skipping || brk > _maxLine)
                {
                    Skip(span[..brk]);
                    line = EndSkip();
                }
                else
                {
                    line = Finish(_start, brk);
                }

                _start += brk + (crlf ? 2 : 1);
                return true;
            }

            if (_skipping || span.Length > _maxLine)
            {
                Skip(span);
                _start = _end;
            }

            if (_eof)
            {
                _terminator = 0;
                if (_skipping)
                {
                    line = EndSkip();
                    return true;
                }

                if (_end > _start)
                {
                    line = Finish(_start, _end - _start);
                    _start = _end;
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    /// <summary>
    /// Next CSV record: physical lines joined with the line breaks they had while a quoted field is open (so a
    /// CR or CRLF inside quotes is kept). <see cref="LineNumber"/> is then the record's first line;
    /// <paramref name="lastLine"/> its last. A record longer than the limit ends where it passes the limit, as
    /// <see cref="TooLong"/>; reading goes on with the next line.
    /// </summary>
    public bool TryReadCsvRecord(out ReadOnlyMemory<byte> record, out long lastLine)
    {
        if (!TryReadLine(out var line))
        {
            record = default;
            lastLine = LineNumber;
            return false;
        }

        var first = LineNumber;
        if (TooLong || QuoteCount(line.Span) % 2 == 0)
        {
            record = line;
            lastLine = first;
            return true;
        }

        var joined = new ArrayBufferWriter<byte>(line.Length * 2);
        joined.Write(line.Span);
        var quotes = QuoteCount(line.Span);
        long total = line.Length;
        while (quotes % 2 == 1)
        {
            var terminator = Terminator;
            if (terminator.IsEmpty || !TryReadLine(out var next))
            {
                break;
            }

            total += terminator.Length + (TooLong ? TooLongBytes : next.Length);
            if (TooLong || total > _maxLine)
            {
                lastLine = _physicalLine;
                LineNumber = first;
                var keep = Math.Min(joined.WrittenCount, ExcerptBytes);
                _joined = joined.WrittenSpan[..keep].ToArray();
                record = _joined;
                TooLong = true;
                TooLongBytes = total;
                return true;
            }

            joined.Write(terminator);
            joined.Write(next.Span);
            quotes += QuoteCount(next.Span);
        }

        lastLine = _physicalLine;
        LineNumber = first;
        _joined = joined.WrittenSpan.ToArray();
        record = _joined;
        return true;
    }

    public void Dispose()
    {
        _text.Dispose();
        _file.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private static int QuoteCount(ReadOnlySpan<byte> span) => span.Count((byte)'"');

    /// <summary>Counts bytes of an over-long line, keeping the first <see cref="ExcerptBytes"/>.</summary>
    private void Skip(ReadOnlySpan<byte> data)
    {
        if (!_skipping)
        {
            _skipping = true;
            _skipped = 0;
            _excerptLength = 0;
        }

        if (_excerptLength < ExcerptBytes)
        {
            var take = Math.Min(ExcerptBytes - _excerptLength, data.Length);
            data[..take].CopyTo(_excerpt.AsSpan(_excerptLength));
            _excerptLength += take;
        }

        _skipped += data.Length;
    }

    private ReadOnlyMemory<byte> EndSkip()
    {
        _skipping = false;
        _first = false;
        LineNumber = ++_physicalLine;
        TooLong = true;
        TooLongBytes = _skipped;
        return new ReadOnlyMemory<byte>(_excerpt, 0, _excerptLength);
    }

    private ReadOnlyMemory<byte> Finish(int start, int length)
    {
        LineNumber = ++_physicalLine;
        var span = _buffer.AsSpan(start, length);
        if (_first)
        {
            _first = false;
            if (span.StartsWith("\uFEFF"u8))
            {
                start += 3;
                length -= 3;
                span = span[3..];
            }
        }

        if (span.Contains((byte)0))
        {
            var w = 0;
            for (var r = 0; r < span.Length; r++)
            {
                if (span[r] != 0)
                {
                    span[w++] = span[r];
                }
            }

            length = w;
        }

        return new ReadOnlyMemory<byte>(_buffer, start, length);
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_buffer.Length - _end < ReadSize)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        int read;
        try
        {
            read = _text.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException)
        {
            Corrupt = true;
            read = 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LandingFileException(LandingFileException.ReasonOf(e)!, e);
        }

        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
