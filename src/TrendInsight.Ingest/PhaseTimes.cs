using System.Diagnostics;

namespace TrendInsight.Ingest;

/// <summary>
/// Time spent per named step of a run, in the order the steps were first timed. Steps of workers that run side
/// by side add up (their total can exceed the wall time); a step name like <c>read › probe</c> is a part of
/// the phase before the arrow. Thread-safe.
/// </summary>
internal sealed class PhaseTimes
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Adds the time since <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp"/>) to <paramref name="phase"/>.</summary>
    public void AddSince(string phase, long startTimestamp) => Add(phase, Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>Runs <paramref name="work"/> and adds its time to <paramref name="phase"/>.</summary>
    public T Time<T>(string phase, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            AddSince(phase, start);
        }
    }

    /// <summary>Runs <paramref name="work"/> and adds its time to <paramref name="phase"/>.</summary>
    public void Time(string phase, Action work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            work();
        }
        finally
        {
            AddSince(phase, start);
        }
    }

    /// <summary>Every step so far, in first-timed order.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Snapshot()
    {
        lock (_lock)
        {
            return [.. _order.Select(p => (p, Stopwatch.GetElapsedTime(0, _ticks[p])))];
        }
    }

    private void Add(string phase, long ticks)
    {
        lock (_lock)
        {
            if (!_ticks.TryGetValue(phase, out var sum))
            {
                _order.Add(phase);
            }

            _ticks[phase] = sum + ticks;
        }
    }
}
