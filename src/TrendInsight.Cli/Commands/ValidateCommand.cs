using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrendInsight.Cli.Output;
using TrendInsight.Core;
using TrendInsight.Ingest.Check;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight validate [PATH…] [--feed F] [--format text|json] [--examples N]</c>: a dry run of ingest over
/// landing files or folders (default: the data folder's <c>landing/</c>). Prints each file's verdict and the entries
/// ingest would not read; writes nothing. Exit 0 when every row would be accepted, <see cref="ExitCodes.Rejected"/>
/// when a row would be quarantined, a file rejected or an entry not read, 1 on an error (a path that does not exist).
/// </summary>
public static class ValidateCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Landing root (holding <feed>/ folders), feed folders or single files (default: <data>/landing)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var feed = new Option<string?>("--feed") { Description = "Read the files as this feed (default: from the folder name): " + string.Join(", ", Feeds.All) };
        feed.AcceptOnlyFromAmong([.. Feeds.All]);
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var examples = new Option<int>("--examples") { Description = "Rows shown per quarantine reason and file", DefaultValueFactory = _ => 3 };

        var command = new Command("validate", "Dry run of ingest over landing files or folders: what would be accepted, quarantined (and why) or not read; writes nothing")
        {
            paths, feed, format, examples,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var config = CliContext.Config(result);
            var given = result.GetValue(paths) ?? [];
            if (given.Length == 0)
            {
                given = [CliContext.LandingFolder(null, CliContext.Layout(result))];
            }

            var check = new LandingCheck(config, TimeProvider.System) { Examples = Math.Max(0, result.GetValue(examples)) };
            var report = check.Run(given, result.GetValue(feed), cancellationToken);
            if (string.Equals(result.GetValue(format), "json", StringComparison.Ordinal))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                Write(report, Console.Out);
            }

            return Task.FromResult(report.AnythingRejected ? ExitCodes.Rejected : ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>The verdicts as plain lines: a line a file, its quarantine reasons with their first rows, the entries not read, a total.</summary>
    internal static void Write(LandingCheckReport report, TextWriter output)
    {
        foreach (var f in report.Files)
        {
            var shown = Shown(f.Path);
            if (f.Rejection is not null)
            {
                output.WriteLine($"{shown}: {f.Feed}, {f.Format}: rejected whole as {f.Rejection}: {f.RejectionDetail}");
                continue;
            }

            if (f.SameContentAs is not null)
            {
                output.WriteLine($"{shown}: {f.Feed}, {Describe(f)}: same content as {Shown(f.SameContentAs)}; ingest reads it once and skips this one");
                continue;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{shown}: {f.Feed}, {Describe(f)}: {Count(f.RowsRead, "row")}: {f.WouldAccept:N0} would be accepted, {Count(f.Duplicates, "duplicate")} in the file, {f.Quarantined:N0} quarantined"));
            foreach (var r in f.Reasons)
            {
                output.WriteLine($"  {r.Reason}: {Count(r.Rows, "row")}");
                foreach (var e in r.Examples)
                {
                    var where = f.Format == "parquet" ? "row" : "line";
                    var what = e.Field is null ? string.Empty : e.Value is null ? $" {e.Field}" : $" {e.Field} '{e.Value}'";
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {where} {e.Line}{what}: {e.Expected}"));
                }
            }

            if (f.UnknownSegments.Count > 0)
            {
                output.WriteLine("  segment values outside the contract, kept as unknown (map them in ingest.spellings): "
                    + string.Join(", ", f.UnknownSegments.Select(u => $"{u.Field} '{u.Value}' {Count(u.Rows, "row")}")));
            }
        }

        foreach (var i in report.Ignored)
        {
            output.WriteLine($"not read: {Shown(i.Path)}: {i.Reason}");
        }

        var rejected = report.FilesRejected > 0 ? $"; {Count(report.FilesRejected, "file")} rejected" : string.Empty;
        var ignored = report.Ignored.Count > 0 ? $"; {Count(report.Ignored.Count, "landing entry", "landing entries")} not read" : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"validate: {Count(report.Files.Count, "file")}, {Count(report.RowsRead, "row")}: {report.WouldAccept:N0} would be accepted, {Count(report.Duplicates, "duplicate")} in their file, {report.Quarantined:N0} quarantined{rejected}{ignored}; nothing written"));
    }

    private static string Count(long n, string one, string? many = null) =>
        n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many ?? one + "s");

    /// <summary>Format, compression and encoding: <c>jsonl, gzip, utf-8 with BOM</c>.</summary>
    private static string Describe(FileVerdict f)
    {
        var parts = new List<string> { f.Format };
        if (f.Gzip)
        {
            parts.Add("gzip" + (f.Truncated ? " (truncated)" : string.Empty));
        }

        if (f.Encoding is not null)
        {
            parts.Add(f.Encoding == "gb18030" ? "gb18030 (GBK)" : f.Encoding + (f.Bom ? " with BOM" : string.Empty));
        }

        return string.Join(", ", parts);
    }

    /// <summary>A path relative to the working folder when it lies under it, else in full.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
