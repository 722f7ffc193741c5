using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace TrendInsight.Ingest.Reading;

/// <summary>What one pass over a landing file learns before any row is read: hash, size, text encoding, gzip health.</summary>
internal sealed record FileProbe(
    string Sha256,
    long SizeBytes,
    LandingEncoding Encoding,
    bool TruncatedGzip)
{
    private const int BufferSize = 1 << 16;

    /// <summary>Why the whole file is rejected (a Parquet file that is unreadable or lacks a required column); null when its rows are read.</summary>
    public string? Rejected { get; init; }

    /// <summary>
    /// Hashes the file's bytes as delivered (so a renamed copy is recognised) and, over the
    /// decompressed text, decides the encoding: UTF-8 when every line is valid UTF-8; GB18030 when
    /// most lines with non-ASCII bytes are not; otherwise UTF-8 with the broken lines quarantined.
    /// </summary>
    public static FileProbe Run(string path, CancellationToken cancellationToken)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = new HashingStream(file, hash);
        var gz = LandingFormat.IsGzip(path);
        Stream text = gz ? new GZipStream(hashing, CompressionMode.Decompress, leaveOpen: true) : hashing;

        var scanner = new LineScanner();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long decompressed = 0;
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
            hashing.Drain();
            return new FileProbe(Convert.ToHexStringLower(hash.GetHashAndReset()), file.Length, scanner.Decide(), TruncatedGzip: true);
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
        var truncated = gz && !GzipTrailerMatches(path, decompressed);
        return new FileProbe(Convert.ToHexStringLower(hash.GetHashAndReset()), file.Length, scanner.Decide(), truncated);
    }

    /// <summary>
    /// .NET's GZipStream ends quietly at a truncation; the gzip trailer tells a complete file from a cut one.
    /// Its ISIZE is the last member's uncompressed length (mod 2^32): for a single member, the whole
    /// output's. A file of several members (<c>cat a.gz b.gz</c>) is complete when the CRC-32 of its
    /// output's last ISIZE bytes is the trailer's CRC; that takes a second pass, only for such files.
    /// </summary>
    private static bool GzipTrailerMatches(string path, long decompressed)
    {
        uint crc, isize;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
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

        using var gz = new GZipStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan),
            CompressionMode.Decompress);
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

    private sealed class LineScanner
    {
        private byte[] _carry = new byte[4096];
        private int _carryLength;
        private long _nonAsciiLines;
        private long _invalidLines;

        public void Feed(ReadOnlySpan<byte> data)
        {
            while (!data.IsEmpty)
            {
                var nl = data.IndexOf((byte)'\n');
                if (nl < 0)
                {
                    Carry(data);
                    return;
                }

                if (_carryLength > 0)
                {
                    Carry(data[..nl]);
                    Check(_carry.AsSpan(0, _carryLength));
                    _carryLength = 0;
                }
                else
                {
                    Check(data[..nl]);
                }

                data = data[(nl + 1)..];
            }
        }

        public void Finish()
        {
            if (_carryLength > 0)
            {
                Check(_carry.AsSpan(0, _carryLength));
                _carryLength = 0;
            }
        }

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
            if (_carryLength + data.Length > _carry.Length)
            {
                Array.Resize(ref _carry, Math.Max(_carry.Length * 2, _carryLength + data.Length));
            }

            data.CopyTo(_carry.AsSpan(_carryLength));
            _carryLength += data.Length;
        }

        private void Check(ReadOnlySpan<byte> line)
        {
            if (Ascii.IsValid(line))
            {
                return;
            }

            _nonAsciiLines++;
            if (!Utf8.IsValid(line))
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
