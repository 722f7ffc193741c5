using TrendInsight.Core;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// A landing file could not be opened or read to the end: a file-level reject with <see cref="Reason"/>, not a
/// failed run. Only failures of the landing file itself become this; a failure to write (quarantine, staging) stays what it is.
/// </summary>
internal sealed class LandingFileException(string reason, Exception inner) : IOException(inner.Message, inner)
{
    /// <summary><see cref="QuarantineReasons.Vanished"/> or <see cref="QuarantineReasons.Unreadable"/>.</summary>
    public string Reason { get; } = reason;

    /// <summary>The file-level reason for an exception while a landing file was opened or read; null for anything else.</summary>
    public static string? ReasonOf(Exception e) => e switch
    {
        LandingFileException landing => landing.Reason,
        FileNotFoundException or DirectoryNotFoundException => QuarantineReasons.Vanished,
        UnauthorizedAccessException or IOException => QuarantineReasons.Unreadable,
        _ => null,
    };
}
