using System.Buffers;
using System.Security.Cryptography;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// The probe of a Parquet landing file: the SHA-256 of its bytes, then a read of every row group's contract columns,
/// so that a file that cannot be read whole (not Parquet, cut short, a corrupt page, a required column missing) is
/// rejected before any of its rows is staged, with the reason.
/// </summary>
internal static class ParquetProbe
{
    public static FileProbe Run(string path, IReadOnlyCollection<string> required, CancellationToken cancellationToken)
    {
        string sha;
        long size;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                int read;
                while ((read = file.Read(buffer, 0, 1 << 16)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    hash.AppendData(buffer, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            size = file.Length;
        }

        return new FileProbe(sha, size, LandingEncoding.Utf8, TruncatedGzip: false) { Rejected = Check(path, required, cancellationToken) };
    }

    /// <summary>Null when every row group reads; else why not.</summary>
    private static string? Check(string path, IReadOnlyCollection<string> required, CancellationToken cancellationToken)
    {
        try
        {
            using var records = ParquetRecords.Open(path, required);
            records.ReadAll(cancellationToken);
            return null;
        }
        catch (LandingSchemaException e)
        {
            return e.Message;
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Parquet.Net throws many kinds on a damaged file (IOException, ParquetException, a Thrift or
            // decompression error, an index out of range): each means the file cannot be read whole.
            return "not a readable Parquet file: " + e.Message;
        }
    }
}
