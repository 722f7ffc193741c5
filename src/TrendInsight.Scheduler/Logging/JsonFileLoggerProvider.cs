using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TrendInsight.Scheduler.Logging;

/// <summary>
/// Writes log events as JSON lines to <c>&lt;folder&gt;/scheduler-YYYY-MM-DD.jsonl</c> (UTC date), one
/// property per structured placeholder, so a day's runs can be queried (e.g. with DuckDB's
/// <c>read_json</c>). Several processes may append to the same folder; each line is written whole.
/// </summary>
public sealed class JsonFileLoggerProvider : ILoggerProvider
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _folder;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();

    public JsonFileLoggerProvider(string folder, TimeProvider clock)
    {
        _folder = folder;
        _clock = clock;
        Directory.CreateDirectory(folder);
    }

    /// <summary>The file events are appended to now (one a UTC day).</summary>
    public string CurrentPath => PathFor(_clock.GetUtcNow());

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string category, LogLevel level, EventId eventId, string message, IReadOnlyList<KeyValuePair<string, object?>>? state, Exception? exception)
    {
        var now = _clock.GetUtcNow();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("ts", now.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("level", level.ToString());
            json.WriteString("category", category);
            if (eventId.Id != 0)
            {
                json.WriteNumber("event_id", eventId.Id);
            }

            json.WriteString("message", message);
            json.WriteNumber("pid", Environment.ProcessId);
            if (state is not null)
            {
                foreach (var (key, value) in state)
                {
                    if (string.Equals(key, "{OriginalFormat}", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    json.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                }
            }

            if (exception is not null)
            {
                json.WriteString("exception", exception.ToString());
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        var path = PathFor(now);
        lock (_lock)
        {
            using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            buffer.Position = 0;
            buffer.CopyTo(file);
        }
    }

    private string PathFor(DateTimeOffset now) =>
        Path.Combine(_folder, "scheduler-" + now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".jsonl");

    private sealed class FileLogger(JsonFileLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            provider.Write(category, logLevel, eventId, formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>>, exception);
        }
    }
}
