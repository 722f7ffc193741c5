namespace TrendInsight.Core.Pipeline;

/// <summary>
/// A landing entry that ingest did not read, and why: e.g. a symbolic link (not followed unless
/// <c>ingest.follow_symlinks</c> is on), or a match outside the landing folder.
/// </summary>
/// <param name="Feed">The feed whose landing folder held it.</param>
/// <param name="Path">Its full path.</param>
/// <param name="Reason">Why it was not read, for the run summary and the log.</param>
public sealed record LandingRefusal(string Feed, string Path, string Reason);
