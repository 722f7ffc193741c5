namespace TrendInsight.Core.Pipeline;

/// <summary>
/// A landing entry that ingest did not read, and why: an unknown feed folder (with the nearest feed name), a file
/// at the landing root, an unsupported extension, a folder inside a feed folder, a symbolic link (not followed
/// unless <c>ingest.follow_symlinks</c> is on), or a match outside the landing folder.
/// </summary>
/// <param name="Feed">The feed whose landing folder held it; empty for an entry at the landing root.</param>
/// <param name="Path">Its full path.</param>
/// <param name="Reason">Why it was not read, for the run summary and the log.</param>
public sealed record LandingRefusal(string Feed, string Path, string Reason);
