using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using TrendInsight.Core;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// The probe of a Parquet landing file: the SHA-256 of its bytes, then a read of every row group's contract columns,
/// so that a file that cannot be read whole (not Parquet, cut short, a corrupt page, a required column missing) is
/// rejected before any of its rows is staged, with the reason.
/// </summary>
internal static class ParquetProbe
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    /// <summary>
    /// Hashes the file through <paramref name="open"/> (which refuses a FIFO or device; its failures are the caller's
    /// <c>vanished</c> or <c>unreadable</c>), then reads it whole: a file that does not read is a file-level rejection.
    /// </summary>
    public static FileProbe Run(string path, Func<string, Stream> open, IReadOnlyCollection<string> required, CancellationToken cancellationToken)
    {
        string sha;
        long size;
        var head = new byte[4];
        var tail = new byte[4];
        using (var file = open(path))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                size = 0;
                int read;
                while ((read = file.Read(buffer, 0, 1 << 16)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    hash.AppendData(buffer, 0, read);
                    for (var i = 0; i < read; i++, size++)
                    {
                        if (size < 4)
                        {
                            head[size] = buffer[i];
                        }

                        tail[size % 4] = buffer[i];
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        var (reason, detail) = Check(path, size, head, tail, required, cancellationToken);
        return new FileProbe(sha, size, LandingEncoding.Utf8, TruncatedGzip: false) { Rejection = reason, RejectionDetail = detail };
    }

    /// <summary>(null, null) when every row group reads; else the reason and what was seen.</summary>
    private static (string? Reason, string? Detail) Check(string path, long size, byte[] head, byte[] tail, IReadOnlyCollection<string> required, CancellationToken cancellationToken)
    {
        if (size < 12 || !head.AsSpan().SequenceEqual(Magic))
        {
            return (QuarantineReasons.NotParquet, string.Create(CultureInfo.InvariantCulture,
                $"not Parquet: {size} bytes, starting {Convert.ToHexStringLower(head.AsSpan(0, (int)Math.Min(size, 4)))} instead of PAR1"));
        }

        // tail holds the last four bytes rotated by size % 4.
        var last = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            last[i] = tail[(size + i) % 4];
        }

        if (!last.AsSpan().SequenceEqual(Magic))
        {
            return (QuarantineReasons.NotParquet, string.Create(CultureInfo.InvariantCulture,
                $"cut short: {size} bytes, starts with PAR1 but does not end with it (no footer)"));
        }

        try
        {
            using var records = ParquetRecords.Open(path, required);
            records.ReadAll(cancellationToken);
            return (null, null);
        }
        catch (LandingSchemaException e)
        {
            return (e.Reason, e.Message);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Parquet.Net throws many kinds on a damaged file (IOException, ParquetException, a Thrift or
            // decompression error, an index out of range): each means the file cannot be read whole.
            return (QuarantineReasons.CorruptParquet, "not readable whole: " + e.Message);
        }
    }
}
