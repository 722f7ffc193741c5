using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// Streams the physical lines of a landing file (gzip-decompressed when named <c>*.gz</c>) with their
/// 1-based line numbers, in constant memory: a UTF-8 BOM is dropped, CRLF and LF both end a line, NUL
/// bytes are removed (they are never meaningful in text and DuckDB strings cannot hold them). A line
/// handed out is valid until the next call.
/// </summary>
internal sealed class RecordReader : IDisposable
{
    private const int ReadSize = 1 << 16;
    private readonly Stream _file;
    private readonly Stream _text;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ReadSize * 2);
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;
    private byte[] _joined = [];

    public RecordReader(string path)
    {
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadSize, FileOptions.SequentialScan);
        _text = LandingFormat.IsGzip(path) ? new GZipStream(_file, CompressionMode.Decompress) : _file;
    }

    private long _physicalLine;

    /// <summary>Line number of the line (or first line of the CSV record) last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes of the file (compressed, as delivered) consumed so far.</summary>
    public long BytesRead => _file.Position;

    /// <summary>True when the decompressor hit corrupt data: the last line returned may be cut.</summary>
    public bool Corrupt { get; private set; }

    /// <summary>Next physical line without its terminator; false at the end.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                line = Finish(_start, nl);
                _start += nl + 1;
                return true;
            }

            if (_eof)
            {
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
    /// Next CSV record: physical lines joined with <c>\n</c> while a quoted field is open.
    /// <see cref="LineNumber"/> is then the record's first line; <paramref name="lastLine"/> its last.
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
        if (QuoteCount(line.Span) % 2 == 0)
        {
            record = line;
            lastLine = first;
            return true;
        }

        var joined = new ArrayBufferWriter<byte>(line.Length * 2);
        joined.Write(line.Span);
        var quotes = QuoteCount(line.Span);
        while (quotes % 2 == 1 && TryReadLine(out var next))
        {
            joined.Write("\n"u8);
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

        if (length > 0 && span[^1] == (byte)'\r')
        {
            length--;
            span = span[..^1];
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

        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
