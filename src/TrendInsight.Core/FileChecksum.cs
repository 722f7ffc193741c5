using System.Security.Cryptography;

namespace TrendInsight.Core;

/// <summary>
/// The checksum of a file as the ingest manifest records it for lake, quarantine and id files, and as <c>verify</c>,
/// <c>repair</c> and the term fingerprints of <c>analyze</c> compare it: SHA-256 of its bytes, lower-case hex.
/// </summary>
public static class FileChecksum
{
    /// <summary>SHA-256 of the bytes of <paramref name="path"/>, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
