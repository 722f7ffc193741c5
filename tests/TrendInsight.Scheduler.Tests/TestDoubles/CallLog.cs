using System.Globalization;

namespace TrendInsight.Scheduler.Tests.TestDoubles;

/// <summary>
/// Where the recording stage services write what they were asked to do: one line per event,
/// <c>stage|day|phase|pid</c>, appended to a file so that a test can read it across processes.
/// </summary>
public sealed class CallLog
{
    private readonly Lock _lock = new();

    public CallLog(string path)
    {
        Path = path;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
    }

    public string Path { get; }

    public void Append(string stage, DateOnly? day, string phase)
    {
        var line = string.Join('|', stage, day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-", phase, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        lock (_lock)
        {
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new StreamWriter(stream);
            writer.WriteLine(line);
        }
    }

    public IReadOnlyList<CallEntry> Read()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var entries = new List<CallEntry>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('|');
            if (parts.Length == 4)
            {
                entries.Add(new CallEntry(parts[0], parts[1] == "-" ? null : DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), parts[2], int.Parse(parts[3], CultureInfo.InvariantCulture)));
            }
        }

        return entries;
    }
}
