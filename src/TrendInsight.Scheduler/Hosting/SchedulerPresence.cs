using System.Globalization;
using TrendInsight.Core;

namespace TrendInsight.Scheduler.Hosting;

/// <summary>
/// Which schedulers run on this data folder now: each <c>trendinsight schedule</c> holds an exclusive lock on
/// <c>state/scheduler-&lt;pid&gt;.lock</c> while it runs (an advisory <c>flock</c>, released by the kernel when the
/// process dies, so a killed scheduler leaves no false "running"). The file holds who it is.
/// </summary>
public sealed class SchedulerPresence : IDisposable
{
    private const string Prefix = "scheduler-";
    private const string Extension = ".lock";

    private readonly FileStream _stream;

    private SchedulerPresence(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>Announces this process as a running scheduler until disposed.</summary>
    public static SchedulerPresence Announce(DataLayout layout, string store, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(clock);
        Directory.CreateDirectory(layout.State);
        var path = Path.Combine(layout.State, Prefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + Extension);
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Environment.MachineName}:{Environment.ProcessId} {store} {clock.GetUtcNow():O}");
        stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
        stream.Flush();
        return new SchedulerPresence(stream);
    }

    /// <summary>The schedulers running on <paramref name="layout"/>'s data folder: host:pid, job store and start (UTC).</summary>
    public static IReadOnlyList<RunningScheduler> Running(DataLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!Directory.Exists(layout.State))
        {
            return [];
        }

        var running = new List<RunningScheduler>();
        foreach (var path in Directory.EnumerateFiles(layout.State, Prefix + "*" + Extension))
        {
            if (!IsHeld(path))
            {
                TryDelete(path);
                continue;
            }

            if (Read(path) is { } scheduler)
            {
                running.Add(scheduler);
            }
        }

        return running;
    }

    public void Dispose()
    {
        var path = _stream.Name;
        _stream.Dispose();
        TryDelete(path);
    }

    private static bool IsHeld(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static RunningScheduler? Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var parts = reader.ReadToEnd().Split(' ', 3, StringSplitOptions.TrimEntries);
            return parts.Length == 3 && DateTimeOffset.TryParse(parts[2], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var since)
                ? new RunningScheduler(parts[0], parts[1], since)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next look; a lock file no process holds counts as not running.
        }
    }
}
