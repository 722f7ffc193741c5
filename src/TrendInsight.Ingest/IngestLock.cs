using System.Globalization;
using TrendInsight.Core;

namespace TrendInsight.Ingest;

/// <summary>
/// One ingest at a time per data folder, across processes: an exclusive lock on
/// <c>state/ingest.lock</c> (<see cref="FileShare.None"/> is an advisory <c>flock</c> on Linux, released by
/// the kernel when the process dies, so a killed ingest never leaves a stale lock). Who holds it is
/// written beside it in <c>state/ingest.lock.owner</c>.
/// </summary>
internal sealed class IngestLock : IDisposable
{
    private readonly FileStream _stream;

    private IngestLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/>; then fails with who holds it.</summary>
    public static async Task<IngestLock> AcquireAsync(DataLayout layout, TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(layout.State);
        var path = LockPath(layout);
        var owner = path + ".owner";
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var me = string.Create(CultureInfo.InvariantCulture,
                    $"pid {Environment.ProcessId} since {clock.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z");
                await File.WriteAllTextAsync(owner, me, cancellationToken).ConfigureAwait(false);
                return new IngestLock(stream);
            }
            catch (IOException) when (clock.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), clock, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                var holder = Holder(layout) ?? "unknown pid";
                throw new TrendInsightException(
                    $"another ingest is running ({holder}); lock file {path}", isTransient: true, inner: ex);
            }
        }
    }

    /// <summary>Whether a process holds the lock now (the owner file outlives the process that wrote it).</summary>
    public static bool IsHeld(DataLayout layout)
    {
        var path = LockPath(layout);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Who holds (or last held) the lock, as written beside it: <c>pid N since …</c>; null when unknown.</summary>
    public static string? Holder(DataLayout layout)
    {
        var owner = LockPath(layout) + ".owner";
        try
        {
            return File.Exists(owner) ? File.ReadAllText(owner).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();

    private static string LockPath(DataLayout layout) => Path.Combine(layout.State, "ingest.lock");
}
