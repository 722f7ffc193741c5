using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// Refuses a landing entry that is not a regular file before it is opened for reading: opening a FIFO blocks
/// until something writes to it, which would hold the ingest (and its lock) for good. The entry is opened
/// without blocking (<c>O_NONBLOCK</c>) and a stream that cannot seek is a pipe, socket or device.
/// </summary>
internal static partial class RegularFile
{
    private const int ReadOnlyNonBlocking = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC (Linux)

    /// <summary>Throws <see cref="IOException"/> when <paramref name="path"/> is not a regular file; the usual exceptions when it cannot be opened.</summary>
    public static void Check(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var fd = OpenNative(path, ReadOnlyNonBlocking);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                2 => new FileNotFoundException($"Could not find file '{path}'.", path),
                13 => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
                _ => new IOException($"Could not open '{path}' (errno {errno})."),
            };
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        using var stream = new FileStream(handle, FileAccess.Read, 1);
        if (!stream.CanSeek)
        {
            throw new IOException($"'{path}' is not a regular file (a pipe, socket or device).");
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenNative(string path, int flags);
}
