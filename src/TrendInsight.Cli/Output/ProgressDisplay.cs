using System.Diagnostics;
using Spectre.Console;
using TrendInsight.Core.Pipeline;

namespace TrendInsight.Cli.Output;

/// <summary>
/// Progress of the stages a command runs, always on stderr so that stdout holds only results: live bars on a
/// terminal; on a pipe or file, a plain line when a step starts, at most one every few seconds while it runs,
/// and one when it ends.
/// </summary>
internal sealed class ProgressDisplay
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly ProgressContext? _context;
    private readonly TextWriter _plain;

    private ProgressDisplay(ProgressContext? context, TextWriter plain)
    {
        _context = context;
        _plain = plain;
    }

    /// <summary>Runs <paramref name="work"/> with a progress display on stderr.</summary>
    public static async Task RunAsync(Func<ProgressDisplay, Task> work)
    {
        if (!Terminal.ErrIsTerminal)
        {
            await work(new ProgressDisplay(null, Console.Error)).ConfigureAwait(false);
            return;
        }

        await Terminal.Err.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(ctx => work(new ProgressDisplay(ctx, Console.Error)))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Adds a step, started unless <paramref name="start"/> is false; <paramref name="describe"/> turns a stage's
    /// progress into the step's text (by default its message).
    /// </summary>
    public Step Add(string description, bool start = true, Func<StageProgress, string>? describe = null) =>
        new(this, _context?.AddTask(Markup.Escape(description), autoStart: start, maxValue: 1), description, start, describe ?? (p => p.Message));

    /// <summary>One step of the display.</summary>
    internal sealed class Step : IProgress<StageProgress>
    {
        private readonly ProgressDisplay _display;
        private readonly ProgressTask? _task;
        private readonly Stopwatch _sinceLine = new();
        private readonly Lock _lock = new();
        private readonly Func<StageProgress, string> _describe;
        private string _last;

        public Step(ProgressDisplay display, ProgressTask? task, string description, bool start, Func<StageProgress, string> describe)
        {
            _display = display;
            _describe = describe;
            _task = task;
            _last = description;
            if (start)
            {
                Start();
            }
        }

        /// <summary>Starts a step added with <c>start: false</c>.</summary>
        public void Start()
        {
            _task?.StartTask();
            if (_task is null)
            {
                PlainLine(_last, force: true);
            }
        }

        /// <inheritdoc />
        public void Report(StageProgress value) => Update(_describe(value), value.Done, value.Total);

        /// <summary>Shows <paramref name="description"/>, with <paramref name="done"/> of <paramref name="total"/> when the total is known.</summary>
        public void Update(string description, long done, long total)
        {
            if (_task is not null)
            {
                _task.Description = Markup.Escape(description);
                if (total > 0)
                {
                    _task.IsIndeterminate = false;
                    _task.MaxValue = total;
                    _task.Value = Math.Min(done, total);
                }
                else
                {
                    _task.IsIndeterminate = true;
                }

                return;
            }

            PlainLine(total > 0 ? $"{description} ({Percent(done, total)})" : description, force: false);
        }

        /// <summary>Ends the step with a last description.</summary>
        public void Finish(string description)
        {
            if (_task is not null)
            {
                _task.IsIndeterminate = false;
                _task.Value = _task.MaxValue;
                _task.Description = Markup.Escape(description);
                _task.StopTask();
                return;
            }

            PlainLine(description, force: true);
        }

        private static string Percent(long done, long total) =>
            (100.0 * Math.Min(done, total) / total).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";

        private void PlainLine(string text, bool force)
        {
            lock (_lock)
            {
                if (!force && (string.Equals(text, _last, StringComparison.Ordinal) || (_sinceLine.IsRunning && _sinceLine.Elapsed < PlainInterval)))
                {
                    return;
                }

                _last = text;
                _sinceLine.Restart();
                _display._plain.WriteLine(text);
            }
        }
    }
}
