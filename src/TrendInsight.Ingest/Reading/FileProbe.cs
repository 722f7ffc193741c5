using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using TrendInsight.Core;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// What one pass over a landing file learns before any row is read: hash, size, whether it is gzip (by its
/// magic bytes, not its name), text encoding, gzip health; or why the file is rejected whole.
/// </summary>
internal sealed record FileProbe(
    string Sha256,
    long SizeBytes,
    LandingEncoding Encoding,
    bool TruncatedGzip)
{
    private const int BufferSize = 1 << 16;

    /// <summary>How much of the (decompressed) text decides whether it is text at all.</summary>
    private const int SampleBytes = 1 << 16;

    /// <summary>True when the bytes are gzip (magic <c>1f 8b</c>), whatever the file is named.</summary>
    public bool Compressed { get; init; }

    /// <summary>Why the file is rejected whole (<see cref="QuarantineReasons.NotGzip"/>, <see cref="QuarantineReasons.NotText"/>); null when it is read.</summary>
    public string? Rejection { get; init; }

    /// <summary>What the rejection saw, for the operator.</summary>
    public string? RejectionDetail { get; init; }

    /// <summary>Opens a landing file for reading; a FIFO or device is refused (<see cref="RegularFile"/>) rather than waited on.</summary>
    public static Stream Open(string path)
    {
        RegularFile.Check(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
    }

    /// <summary>
    /// Hashes the file's bytes as delivered (so a renamed copy is recognised) and, over the
    /// decompressed text, decides the encoding: UTF-8 when every line is valid UTF-8; GB18030 when
    /// most lines with non-ASCII bytes are not; otherwise UTF-8 with the broken lines quarantined.
    /// A file named <c>*.gz</c> that is plain text is read as text; one whose text has the control bytes of
    /// binary data (more than 2% of its first 64 KiB) is rejected. Lines longer than
    /// <paramref name="maxLineBytes"/> are not held whole and do not count towards the encoding.
    /// </summary>
    public static FileProbe Run(string path, Func<string, Stream> open, int maxLineBytes, CancellationToken cancellationToken)
    {
        using var file = open(path);
        Span<byte> magic = stackalloc byte[2];
        var gz = file.CanSeek && file.Length >= 2 && ReadMagic(file, magic) && magic[0] == 0x1F && magic[1] == 0x8B;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = new HashingStream(file, hash);
        Stream text = gz ? new GZipStream(hashing, CompressionMode.Decompress, leaveOpen: true) : hashing;

        var scanner = new LineScanner(maxLineBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long decompressed = 0;
        var corrupt = false;
        try
        {
            int read;
            while ((read = text.Read(buffer, 0, BufferSize)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                decompressed += read;
                scanner.Feed(buffer.AsSpan(0, read));
            }

            scanner.Finish();
        }
        catch (InvalidDataException)
        {
            // A corrupt deflate stream: treat like a truncation, rows before it are still read.
            corrupt = true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (gz)
            {
                text.Dispose();
            }
        }

        hashing.Drain();
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        var truncated = gz && (corrupt || !GzipTrailerMatches(path, open, decompressed));
        var result = new FileProbe(sha, file.Length, scanner.Decide(), truncated) { Compressed = gz };
        if (scanner.LooksBinary)
        {
            var named = LandingFormat.IsGzip(path);
            result = result with
            {
                Rejection = named && !gz ? QuarantineReasons.NotGzip : QuarantineReasons.NotText,
                RejectionDetail = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{(named && !gz ? "no gzip magic bytes (1f 8b) and " : string.Empty)}{scanner.ControlBytes} control bytes in the first {scanner.SampleLength} bytes: {(scanner.Utf16 ? "UTF-16 text (byte order mark), export it as UTF-8 or GB18030" : "binary data")}"),
            };
        }

        return result;
    }

    private static bool ReadMagic(Stream file, Span<byte> magic)
    {
        var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Seek(0, SeekOrigin.Begin);
        return n == 2;
    }

    /// <summary>
    /// .NET's GZipStream ends quietly at a truncation; the gzip trailer tells a complete file from a cut one.
    /// Its ISIZE is the last member's uncompressed length (mod 2^32): for a single member, the whole
    /// output's. A file of several members (<c>cat a.gz b.gz</c>) is complete when the CRC-32 of its
    /// output's last ISIZE bytes is the trailer's CRC; that takes a second pass, only for such files.
    /// </summary>
    private static bool GzipTrailerMatches(string path, Func<string, Stream> open, long decompressed)
    {
        uint crc, isize;
        using (var file = open(path))
        {
            if (file.Length < 18)
            {
                return false;
            }

            Span<byte> trailer = stackalloc byte[8];
            file.Seek(-8, SeekOrigin.End);
            file.ReadExactly(trailer);
            crc = BitConverter.ToUInt32(trailer);
            isize = BitConverter.ToUInt32(trailer[4..]);
        }

        if (isize == (uint)(decompressed & 0xFFFFFFFF))
        {
            return true;
        }

        if (isize > decompressed)
        {
            return false;
        }

        using var gz = new GZipStream(open(path), CompressionMode.Decompress);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var skip = decompressed - isize;
            var state = Crc32.Start;
            int read;
            while ((read = gz.Read(buffer, 0, BufferSize)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                if (skip >= read)
                {
                    skip -= read;
                    continue;
                }

                state = Crc32.Append(state, chunk[(int)skip..]);
                skip = 0;
            }

            return Crc32.Finish(state) == crc;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    internal sealed class LineScanner(int maxLineBytes)
    {
        private byte[] _carry = new byte[4096];
        private int _carryLength;
        private bool _overlong;
        private long _nonAsciiLines;
        private long _invalidLines;

        /// <summary>The text starts with a UTF-16 byte order mark (ff fe or fe ff).</summary>
        public bool Utf16 { get; private set; }

        /// <summary>Bytes of the text's first 64 KiB looked at for control bytes.</summary>
        public int SampleLength { get; private set; }

        /// <summary>Bytes below 0x20 other than tab, LF, VT, FF, CR and ESC (and DEL) in the sample.</summary>
        public int ControlBytes { get; private set; }

        /// <summary>More than 2% control bytes: binary data, not text lines (a stray NUL in text is far below that).</summary>
        public bool LooksBinary => SampleLength > 0 && ControlBytes * 50L > SampleLength;

        public void Feed(ReadOnlySpan<byte> data)
        {
            if (SampleLength == 0 && data.Length >= 2)
            {
                Utf16 = (data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF);
            }

            if (SampleLength < SampleBytes)
            {
                var sample = data[..Math.Min(data.Length, SampleBytes - SampleLength)];
                foreach (var b in sample)
                {
                    if (b is < 0x09 or (> 0x0D and < 0x20 and not 0x1B) or 0x7F)
                    {
                        ControlBytes++;
                    }
                }

                SampleLength += sample.Length;
            }

            // The lines that start and end in this chunk are valid UTF-8 when their stretch of it is (they are cut
            // at ASCII bytes): then only whether each is ASCII is left to find out, line by line.
            var first = data.IndexOfAny((byte)'\n', (byte)'\r');
            var last = data.LastIndexOfAny((byte)'\n', (byte)'\r');
            var wholeLinesValid = first >= 0 && Utf8.IsValid(data[first..last]);
            var offset = 0;
            while (!data.IsEmpty)
            {
                var nl = data.IndexOfAny((byte)'\n', (byte)'\r');
                if (nl < 0)
                {
                    Carry(data);
                    return;
                }

                if (_carryLength > 0 || _overlong)
                {
                    Carry(data[..nl]);
                    EndLine(_carry.AsSpan(0, _carryLength), knownValid: false);
                }
                else
                {
                    EndLine(data[..nl], knownValid: wholeLinesValid && offset > first);
                }

                offset += nl + 1;
                data = data[(nl + 1)..];
            }
        }

        public void Finish()
        {
            if (_carryLength > 0 || _overlong)
            {
                EndLine(_carry.AsSpan(0, _carryLength), knownValid: false);
            }
        }

        /// <summary>Lines with non-ASCII bytes, and those of them that are not valid UTF-8, so far.</summary>
        public (long NonAscii, long Invalid) Lines => (_nonAsciiLines, _invalidLines);

        public LandingEncoding Decide()
        {
            if (_invalidLines == 0)
            {
                return LandingEncoding.Utf8;
            }

            return _invalidLines * 2 > _nonAsciiLines ? LandingEncoding.Gb18030 : LandingEncoding.Utf8;
        }

        private void Carry(ReadOnlySpan<byte> data)
        {
            if (_overlong)
            {
                return;
            }

            if (_carryLength + data.Length > maxLineBytes)
            {
                // The reader quarantines this line as line_too_long; it says nothing about the encoding.
                _overlong = true;
                _carryLength = 0;
                return;
            }

            if (_carryLength + data.Length > _carry.Length)
            {
                Array.Resize(ref _carry, Math.Max(_carry.Length * 2, _carryLength + data.Length));
            }

            data.CopyTo(_carry.AsSpan(_carryLength));
            _carryLength += data.Length;
        }

        private void EndLine(ReadOnlySpan<byte> line, bool knownValid)
        {
            if (!_overlong && line.Length <= maxLineBytes)
            {
                Check(line, knownValid);
            }

            _overlong = false;
            _carryLength = 0;
        }

        private void Check(ReadOnlySpan<byte> line, bool knownValid)
        {
            if (Ascii.IsValid(line))
            {
                return;
            }

            _nonAsciiLines++;
            if (!knownValid && !Utf8.IsValid(line))
            {
                _invalidLines++;
            }
        }
    }

    /// <summary>Feeds every byte read through it into the hash.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            hash.AppendData(buffer, offset, n);
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            hash.AppendData(buffer[..n]);
            return n;
        }

        /// <summary>Hashes whatever the decompressor left unread (trailing garbage, a second member).</summary>
        public void Drain()
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                while (Read(buffer, 0, BufferSize) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
