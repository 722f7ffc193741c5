namespace TrendInsight.Core;

/// <summary>
/// The root of every error TrendInsight raises on purpose. <see cref="IsTransient"/> tells a job
/// whether a retry may succeed (a locked file, a busy database) or the failure is fatal for this
/// input (a bad file, a missing dictionary).
/// </summary>
public class TrendInsightException : Exception
{
    public TrendInsightException(string message, bool isTransient = false, Exception? inner = null)
        : base(message, inner)
    {
        IsTransient = isTransient;
    }

    /// <summary>True when the same operation may succeed if tried again later.</summary>
    public bool IsTransient { get; }
}
