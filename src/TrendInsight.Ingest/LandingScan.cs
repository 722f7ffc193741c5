using System.IO.Enumeration;
using TrendInsight.Core;
using TrendInsight.Core.Config;

namespace TrendInsight.Ingest;

/// <summary>
/// Which landing entries ingest reads, and why every other one is not: the one listing that <c>ingest</c> and
/// <c>validate</c> share. Read are plain files directly in <c>landing/&lt;feed&gt;/</c> whose names match
/// <c>ingest.patterns</c>; names starting with a dot (uploads in progress) and the simulator's
/// <see cref="DataLayout.GroundTruthFile"/> at the root are passed over silently. Everything
/// else is named with a reason through the <c>refuse</c> callback: an unknown feed folder (with the nearest feed
/// name), a file at the landing root, an unsupported extension, a folder inside a feed folder (also one named
/// like a file), a symbolic link unless <c>ingest.follow_symlinks</c>, a match outside the feed folder.
/// </summary>
internal sealed class LandingScan
{
    /// <summary>Why a symbolic link is not read.</summary>
    public const string SymlinkReason = "symbolic link, not followed (set ingest.follow_symlinks: true to read links)";

    private readonly IngestConfig _config;
    private readonly Action<string, string, string> _refuse;

    /// <param name="config">Patterns and the symbolic link policy.</param>
    /// <param name="refuse">Called with (feed, full path, reason) for each entry that is not read; feed is empty at the landing root.</param>
    public LandingScan(IngestConfig config, Action<string, string, string> refuse)
    {
        _config = config;
        _refuse = refuse;
    }

    /// <summary>The feeds, comma-separated, for messages.</summary>
    public static string FeedList => string.Join(", ", Feeds.All);

    /// <summary>Names what lies at the landing root besides the feed folders: other folders (with the nearest feed name) and files.</summary>
    public void CheckRoot(string landing)
    {
        if (!Directory.Exists(landing))
        {
            return;
        }

        var rootName = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(landing)));
        foreach (var entry in Directory.EnumerateFileSystemEntries(landing).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') || Feeds.All.Contains(name, StringComparer.Ordinal)
                || (name == DataLayout.GroundTruthFile && File.Exists(entry)))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                _refuse(string.Empty, Path.GetFullPath(entry), UnknownFolderReason(name));
            }
            else
            {
                _refuse(string.Empty, Path.GetFullPath(entry), Feeds.All.Contains(rootName, StringComparer.Ordinal)
                    ? $"a file at the landing root, which is named like the feed folder '{rootName}': the landing folder is the one that holds <feed>/ folders (its parent?)"
                    : RootFileReason(name));
            }
        }
    }

    /// <summary>
    /// The files of one feed's landing folder that match the patterns, sorted: plain files directly in the folder
    /// only. Symbolic links (the folder itself or a file) are refused unless <c>ingest.follow_symlinks</c> is on,
    /// anything that resolves outside the folder is refused, and every other entry is named with its reason.
    /// </summary>
    public List<string> ListFeed(string feed, string folder)
    {
        if (!Directory.Exists(folder) && !IsLink(folder))
        {
            return [];
        }

        if (!_config.FollowSymlinks && IsLink(folder))
        {
            _refuse(feed, folder, "feed folder is a " + SymlinkReason);
            return [];
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in _config.Patterns)
        {
            if (IngestConfig.PatternProblem(pattern) is { } problem)
            {
                throw new TrendInsightException($"ingest.patterns: '{pattern}' {problem}");
            }

            IEnumerable<string> matches;
            try
            {
                matches = Directory.EnumerateFiles(folder, pattern, SearchOption.TopDirectoryOnly).ToList();
            }
            catch (DirectoryNotFoundException)
            {
                // The folder went away after it was seen: nothing to read in it this run.
                return [];
            }

            foreach (var file in matches)
            {
                var full = Path.GetFullPath(file);
                seen.Add(full);
                if (Path.GetFileName(full).StartsWith('.'))
                {
                    continue;
                }

                if (!string.Equals(Path.GetDirectoryName(full), root, StringComparison.Ordinal))
                {
                    _refuse(feed, full, $"outside the landing folder {root} (pattern '{pattern}')");
                }
                else if (!_config.FollowSymlinks && IsLink(full))
                {
                    _refuse(feed, full, SymlinkReason);
                }
                else
                {
                    files.Add(full);
                }
            }
        }

        List<string> others;
        try
        {
            others = [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFullPath).Where(e => !seen.Contains(e)).Order(StringComparer.Ordinal)];
        }
        catch (DirectoryNotFoundException)
        {
            return [.. files];
        }

        foreach (var entry in others)
        {
            var name = Path.GetFileName(entry);
            if (!name.StartsWith('.'))
            {
                _refuse(feed, entry, Directory.Exists(entry) ? SubfolderReason(feed, name) : UnsupportedReason(name));
            }
        }

        return [.. files];
    }

    /// <summary>Whether <paramref name="name"/> is one ingest reads by <c>ingest.patterns</c> (the file itself may still be refused).</summary>
    public bool Matches(string name) =>
        !name.StartsWith('.') && _config.Patterns.Exists(p => FileSystemName.MatchesSimpleExpression(p, name, ignoreCase: false));

    /// <summary>Why a file named <paramref name="name"/> is not read: its extension, and the ones that are.</summary>
    public string UnsupportedReason(string name)
    {
        var extension = ExtensionOf(name);
        var what = extension.Length == 0 ? "no file extension" : $"unsupported extension '{extension}'";
        var hint = extension.ToLowerInvariant() switch
        {
            ".json" or ".json.gz" or ".ndjson" => "; JSON Lines (one object a line) are read as .jsonl",
            ".txt" or ".tsv" => "; comma-separated text with a header row is read as .csv",
            ".xlsx" or ".xls" => "; save the sheet as CSV (UTF-8 or GBK) and name it .csv",
            _ => string.Empty,
        };
        return $"{what}; read are {string.Join(", ", _config.Patterns)} (ingest.patterns){hint}";
    }

    /// <summary>Why a folder inside a feed folder is not read.</summary>
    public string SubfolderReason(string feed, string name) => Matches(name)
        ? $"a folder named like a landing file; only files directly in landing/{feed}/ are read"
        : $"a folder inside landing/{feed}/; only files directly in it are read";

    /// <summary>Why a folder at the landing root that is not a feed is not read, with the nearest feed name.</summary>
    public static string UnknownFolderReason(string name) =>
        NearestFeed(name) is { } nearest
            ? $"unknown feed folder '{name}'; did you mean '{nearest}'? (feeds: {FeedList})"
            : $"unknown feed folder '{name}'; feeds: {FeedList}";

    /// <summary>Why a file at the landing root is not read; a name that starts like a feed gets that feed's folder as advice.</summary>
    public static string RootFileReason(string name)
    {
        var stem = name.Split('-', '_', '.', ' ')[0];
        var feed = Feeds.All.FirstOrDefault(f => name.StartsWith(f, StringComparison.OrdinalIgnoreCase)) ?? NearestFeed(stem);
        return feed is not null
            ? $"a file at the landing root; files are read from landing/<feed>/ only: move it to {feed}/"
            : $"a file at the landing root; files are read from landing/<feed>/ only (feeds: {FeedList})";
    }

    /// <summary>
    /// The feed whose name is nearest to <paramref name="name"/> (case ignored; at most a third of its letters
    /// wrong, at least one), or null when none is near.
    /// </summary>
    public static string? NearestFeed(string name)
    {
        var lower = name.ToLowerInvariant();
        var best = Feeds.All.Select(f => (Feed: f, Distance: Distance(lower, f))).MinBy(x => x.Distance);
        return best.Distance <= Math.Max(1, best.Feed.Length / 3) ? best.Feed : null;
    }

    /// <summary>Whether <paramref name="path"/> is a symbolic link (an I/O error counts as not).</summary>
    public static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The extension of a file name, with the one before <c>.gz</c> (<c>.json.gz</c>).</summary>
    private static string ExtensionOf(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Equals(".gz", StringComparison.OrdinalIgnoreCase))
        {
            var inner = Path.GetExtension(Path.GetFileNameWithoutExtension(name));
            return inner + extension;
        }

        return extension;
    }

    /// <summary>Levenshtein distance.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
