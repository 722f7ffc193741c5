namespace TrendInsight.Cli.Output;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the calling thread, so that lines written from it keep their
/// order (<see cref="Progress{T}"/> posts to the thread pool).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
