using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TrendInsight.Ingest;
using TrendInsight.Ingest.Repair;

namespace TrendInsight.Cli.Commands;

/// <summary>
/// <c>trendinsight repair [--reingest] [--rebuild] [--landing DIR]</c>: rebuilds a missing or unreadable
/// ingest manifest from the lake; with <c>--reingest</c>, forgets missing or damaged lake files and reads
/// their landing files again.
/// </summary>
public static class RepairCommand
{
    public static Command Create()
    {
        var reingest = new Option<bool>("--reingest") { Description = "Forget missing or damaged lake files and ingest their landing files again" };
        var rebuild = new Option<bool>("--rebuild") { Description = "Rebuild the manifest from the lake even when it is readable (the old one is moved aside)" };
        var landing = new Option<DirectoryInfo?>("--landing") { Description = "Landing folder holding <feed>/ subfolders (default: <data>/landing)" };
        var command = new Command("repair", "Rebuild the ingest manifest from the lake; --reingest restores damaged partitions from landing") { reingest, rebuild, landing };
        command.SetAction(async (result, cancellationToken) =>
        {
            var layout = CliContext.Layout(result);
            var config = CliContext.Config(result);
            var landingFolder = result.GetValue(landing)?.FullName;
            var repair = new ManifestRepair(config, TimeProvider.System, NullLoggerFactory.Instance) { LandingFolder = landingFolder };
            var exit = 0;
            var needed = ManifestRepair.NeedsRebuild(layout, out var why);
            if (needed || result.GetValue(rebuild))
            {
                var before = needed ? why : "readable";
                var report = await repair.RebuildAsync(layout, cancellationToken);
                WriteRebuild(report, before);
            }
            else
            {
                Console.WriteLine("repair: the manifest is readable; nothing to rebuild (--rebuild rebuilds it anyway)");
            }

            var verify = LakeVerifier.Verify(layout, landingFolder);
            if (!result.GetValue(reingest))
            {
                VerifyCommand.Write(verify, Console.Out);
                return verify.Ok ? exit : 1;
            }

            var plan = await repair.PrepareReingestAsync(layout, cancellationToken);
            if (plan.Verify.Ok)
            {
                VerifyCommand.Write(plan.Verify, Console.Out);
                return exit;
            }

            foreach (var p in plan.Verify.Problems)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"forgot {p.Path} ({p.Problem}, {p.Rows:N0} rows)"));
            }

            foreach (var (from, to) in plan.MovedAside)
            {
                Console.WriteLine($"moved aside: {from} -> {to}");
            }

            foreach (var file in plan.Gone)
            {
                Console.WriteLine($"landing {file} is gone: the rows it fed cannot be restored from it");
                exit = 1;
            }

            Console.WriteLine($"ids of {string.Join(", ", plan.Feeds)} recomputed from the lake files that remain; reading again: {(plan.Reread.Count == 0 ? "nothing" : string.Join(", ", plan.Reread))}");
            var service = new IngestService(config, TimeProvider.System, NullLoggerFactory.Instance) { LandingFolder = landingFolder };
            foreach (var feed in plan.Feeds)
            {
                var summary = await service.IngestAsync(layout, feed, null, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingest {feed}: {summary.FilesProcessed:N0} files, rows read {summary.RowsRead:N0} = accepted {summary.Accepted:N0} + quarantined {summary.Quarantined:N0} + duplicates {summary.Duplicates:N0}"));
            }

            var after = LakeVerifier.Verify(layout, landingFolder);
            VerifyCommand.Write(after, Console.Out);
            return after.Ok ? exit : 1;
        });
        return command;
    }

    private static void WriteRebuild(RebuildReport r, string before)
    {
        Console.WriteLine($"repair: the manifest was {before}; rebuilt it from the lake" + (r.MovedAside is null ? string.Empty : $" (the old one is kept as {r.MovedAside})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {r.Runs:N0} runs, {r.LakeFiles:N0} lake files ({r.LakeRows:N0} rows), {r.QuarantineFiles:N0} quarantine files ({r.QuarantineRows:N0} rows)"));
        Console.WriteLine("  accepted ids read back: " + string.Join(", ", r.Ids.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Feed} {i.Ids:N0}"))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {r.LandingRecorded:N0} landing files still in landing recorded as ingested; {r.LandingGone.Count:N0} named in the lake are gone from landing"));
        foreach (var (from, to) in r.Orphans)
        {
            Console.WriteLine($"  moved aside: {from} -> {to} (not a file a run writes)");
        }
    }
}
