using System.Text.Encodings.Web;
using System.Text.Json;
using TrendInsight.Core;

namespace TrendInsight.Ingest.Lake;

/// <summary>
/// Rejected rows of one run, as JSON lines under the run's temporary folder:
/// <c>quarantine/&lt;feed&gt;/dt=…/quarantine-&lt;run&gt;.jsonl</c>, each with run, source file, line, reason
/// reason, what the contract expected (<c>detail</c>) and the raw line. Moved into <c>data/quarantine/</c> with
/// the run's Parquet. The rows of a landing file that failed half-way are dropped again (<see cref="Discard"/>).
/// </summary>
internal sealed class QuarantineWriter : IQuarantineSink, IDisposable
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _root;
    private readonly string _runId;
    private readonly Dictionary<(string Feed, DateOnly Dt), (FileStream Stream, Utf8JsonWriter Writer, long Rows)> _open = [];
    private readonly HashSet<(string Feed, string SourceFile)> _discarded = [];

    public QuarantineWriter(string tempRoot, string runId)
    {
        _root = Path.Combine(tempRoot, "quarantine");
        _runId = runId;
    }

    public void Write(string feed, DateOnly dt, string sourceFile, long line, string reason, string? detail, string raw)
    {
        if (!_open.TryGetValue((feed, dt), out var entry))
        {
            var folder = Path.Combine(_root, feed, BusinessCalendar.Partition(dt));
            CreatePrivateFolders(_root, folder);
            var stream = new FileStream(Path.Combine(folder, $"quarantine-{_runId}.jsonl"), FileOptionsFor());
            entry = (stream, new Utf8JsonWriter(stream, Options), 0);
        }

        var w = entry.Writer;
        w.WriteStartObject();
        w.WriteString("run_id", _runId);
        w.WriteString("source_file", sourceFile);
        w.WriteNumber("line", line);
        w.WriteString("reason", reason);
        if (detail is not null)
        {
            w.WriteString("detail", detail);
        }

        w.WriteString("raw", raw);
        w.WriteEndObject();
        w.Flush();
        w.Reset();
        entry.Stream.WriteByte((byte)'\n');
        _open[(feed, dt)] = (entry.Stream, w, entry.Rows + 1);
    }

    /// <summary>Drops what was written for <paramref name="sourceFile"/> (a landing file rejected half-way), when the files are closed.</summary>
    public void Discard(string feed, string sourceFile) => _discarded.Add((feed, sourceFile));

    /// <summary>
    /// Quarantine holds raw landing lines, which may be personal data: files are 0640 and folders 0750
    /// (owner and group only; the process umask may narrow this further, never widen it).
    /// </summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    /// <summary>The mode of quarantine folders: 0750.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;

    /// <summary>
    /// Creates <paramref name="folder"/> and every folder between it and <paramref name="root"/> (the
    /// root included) with <see cref="FolderMode"/>; an existing one that others may enter is narrowed to it.
    /// </summary>
    public static void CreatePrivateFolders(string root, string folder)
    {
        var relative = Path.GetRelativePath(root, folder);
        var path = root;
        var parts = relative == "." ? Array.Empty<string>() : relative.Split(Path.DirectorySeparatorChar);
        for (var i = -1; i < parts.Length; i++)
        {
            path = i < 0 ? root : Path.Combine(path, parts[i]);
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
                continue;
            }

            Directory.CreateDirectory(path, FolderMode);
            var mode = File.GetUnixFileMode(path);
            if ((mode & ~FolderMode) != 0)
            {
                File.SetUnixFileMode(path, mode & FolderMode);
            }
        }
    }

    private static FileStreamOptions FileOptionsFor()
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 1 << 16,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>Closes every file; returns (feed, dt, path relative to the temporary root, rows).</summary>
    public IReadOnlyList<(string Feed, DateOnly Dt, string RelativePath, long Rows)> Close()
    {
        var result = new List<(string, DateOnly, string, long)>();
        foreach (var ((feed, dt), (stream, writer, rows)) in _open)
        {
            writer.Dispose();
            stream.Flush(flushToDisk: true);
            var path = stream.Name;
            stream.Dispose();
            var kept = _discarded.Any(d => d.Feed == feed) ? Filter(path, feed) : rows;
            if (kept > 0)
            {
                result.Add((feed, dt, Path.Combine("quarantine", feed, BusinessCalendar.Partition(dt), $"quarantine-{_runId}.jsonl"), kept));
            }
        }

        _open.Clear();
        return result;
    }

    /// <summary>Rewrites a closed file without the rows of discarded landing files; deletes it when none is left.</summary>
    private long Filter(string path, string feed)
    {
        var kept = File.ReadLines(path).Where(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return !_discarded.Contains((feed, doc.RootElement.GetProperty("source_file").GetString()!));
        }).ToList();
        if (kept.Count == 0)
        {
            File.Delete(path);
            return 0;
        }

        File.WriteAllLines(path, kept);
        return kept.Count;
    }

    public void Dispose()
    {
        foreach (var (stream, writer, _) in _open.Values)
        {
            writer.Dispose();
            stream.Dispose();
        }

        _open.Clear();
    }
}
