using System.CommandLine;
using System.Globalization;
using TrendInsight.Ingest.Repair;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight verify [--landing DIR]</c>: checks every lake and quarantine file the manifest committed
/// (exists, size, SHA-256, readable as Parquet) and names the landing files that fed each damaged one.
/// Exit 0 when all is as committed, 1 otherwise.
/// </summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var landing = new Option<DirectoryInfo?>("--landing") { Description = "Landing folder holding <feed>/ subfolders (default: <data>/landing)" };
        var command = new Command("verify", "Check every committed lake file against the manifest (exists, size, checksum, readable)") { landing };
        command.SetAction(result =>
        {
            var layout = CliContext.Layout(result);
            var report = LakeVerifier.Verify(layout, result.GetValue(landing)?.FullName);
            Write(report, Console.Out);
            return report.Ok ? 0 : 1;
        });
        return command;
    }

    /// <summary>The verification as plain lines: one summary line, then each problem with its landing files.</summary>
    internal static void Write(VerifyReport report, TextWriter output)
    {
        var missing = report.Problems.Count(p => p.Problem == "missing");
        var unchecked_ = report.WithoutChecksum > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({report.WithoutChecksum:N0} committed without a checksum: presence and readability only)")
            : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"verify: {report.Checked:N0} committed files checked: {missing:N0} missing, {report.Problems.Count - missing:N0} damaged{unchecked_}"));
        foreach (var p in report.Problems)
        {
            var what = p.Problem switch
            {
                "missing" => "missing",
                "size" => "damaged (size differs)",
                "checksum" => "damaged (checksum differs)",
                _ => "damaged (not readable as Parquet)",
            };
            if (p.Kind == LakeFileCheck.IdsKind)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {p.Path} (the ids of the {p.Rows:N0} {p.Feed} rows run {p.RunId} accepted)"));
                continue;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {p.Path} ({p.Rows:N0} rows, run {p.RunId})"));
            if (p.FedBy.Count == 0)
            {
                output.WriteLine("  fed by: no landing file recorded for this run and feed");
            }

            foreach (var (file, present) in p.FedBy)
            {
                output.WriteLine($"  fed by landing {p.Feed}/{file}{(present ? string.Empty : " (gone from landing)")}");
            }
        }

        if (report.Problems.Count > 0)
        {
            output.WriteLine(report.Problems.All(p => p.Kind == LakeFileCheck.IdsKind)
                ? "run `trendinsight repair --reingest` to rebuild them from the lake"
                : "run `trendinsight repair --reingest` to read those landing files again");
        }
    }
}
