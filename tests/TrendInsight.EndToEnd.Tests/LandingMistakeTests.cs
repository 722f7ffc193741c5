using System.Text;
using System.Text.Json;
using TrendInsight.Core;

namespace TrendInsight.EndToEnd.Tests;

/// <summary>
/// A landing folder written by hand, with the mistakes a data engineer makes (a misnamed feed folder, a .json file,
/// a file at the landing root, an Excel export, a folder named like a file) beside real Chinese rows (one CSV in
/// GBK, traditional characters): <c>validate</c> and <c>ingest</c> name every one, and a missing landing folder is an error.
/// </summary>
public sealed class LandingMistakeTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("ti-e2e-landing-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private string Landing => Path.Combine(_data, "landing");

    private string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(Landing, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static byte[] Gbk(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936).GetBytes(text);
    }

    private static string Comment(string id, string ts, string text) =>
        $"{{\"event_id\": \"{id}\", \"ts\": \"{ts}\", \"content_id\": \"n-100\", \"text\": \"{text}\", \"city_tier\": \"new1\"}}\n";

    /// <summary>Two good comments (one in traditional characters), a second delivery of the first, a bad timestamp; a GBK listing export; and five mistakes.</summary>
    private void WriteLandingWithMistakes()
    {
        Write("comments/xhs-2026-11-20.jsonl", Utf8(
            Comment("c-1", "2026-11-20T10:00:00+08:00", "这件马面裙太好看了！国风yyds")
            + Comment("c-2", "2026-11-20T10:05:00+08:00", "國風漢服 秋冬款真的絕了")
            + Comment("c-1", "2026-11-20T10:00:00+08:00", "这件马面裙太好看了！国风yyds")
            + Comment("c-3", "2026/13/45 25:00", "露营椅有推荐吗")));
        Write("products/tmall-2026-11-20.csv", Gbk(
            "product_id,ts,title,category,price,sales,shop_id\r\n"
            + "p-1,2026-11-20 11:00:00,新中式国风马面裙 秋冬加厚,女装,¥129.00,1200,s-1\r\n"
            + "p-2,2026-11-20 11:30:00,復古燈芯絨外套 男女同款,男装,\"1,299.00\",35,s-2\r\n"));

        Write("comment/xhs-2026-11-21.jsonl", Utf8(Comment("c-9", "2026-11-21T09:00:00+08:00", "多巴胺穿搭")));
        Write("search/douyin-2026-11-20.json", Utf8("[{\"event_id\": \"s-1\", \"ts\": \"2026-11-20T10:00:00+08:00\", \"query\": \"露营\"}]\n"));
        Write("search/巨量算数导出.xlsx", [0x50, 0x4B, 0x03, 0x04]);
        Write("comments-2026-11-22.jsonl", Utf8(Comment("c-10", "2026-11-22T09:00:00+08:00", "citywalk 路线")));
        Directory.CreateDirectory(Path.Combine(Landing, "search", "douyin-2026-11-21.jsonl"));
    }

    private static void AssertNamesEveryMistake(string output, string shownLanding)
    {
        string Line(string relative) => "not read: " + Path.Combine(shownLanding, relative) + ": ";
        Assert.Contains(Line("comment") + "unknown feed folder 'comment'; did you mean 'comments'?", output, StringComparison.Ordinal);
        Assert.Contains(Line("comments-2026-11-22.jsonl") + "a file at the landing root; files are read from landing/<feed>/ only: move it to comments/", output, StringComparison.Ordinal);
        Assert.Contains(Line("search/douyin-2026-11-20.json") + "unsupported extension '.json'; read are *.jsonl, *.jsonl.gz, *.csv, *.parquet", output, StringComparison.Ordinal);
        Assert.Contains(Line("search/巨量算数导出.xlsx") + "unsupported extension '.xlsx'", output, StringComparison.Ordinal);
        Assert.Contains(Line("search/douyin-2026-11-21.jsonl") + "a folder named like a landing file", output, StringComparison.Ordinal);
    }

    /// <summary>Every file and folder under the data folder with its size and write time.</summary>
    private List<string> Snapshot() =>
        [.. Directory.EnumerateFileSystemEntries(_data, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => File.Exists(p) ? $"{p} {new FileInfo(p).Length} {File.GetLastWriteTimeUtc(p).Ticks}" : p + "/")];

    [Fact]
    public void Validate_LandingWithMistakes_VerdictPerFileEveryMistakeNamedNothingWritten()
    {
        WriteLandingWithMistakes();
        var before = Snapshot();

        var result = CliProcess.Run(null, "--data", _data, "validate", Landing);

        Assert.True(result.ExitCode == 3, result.ToString());
        var shown = Path.GetRelativePath(Path.GetTempPath(), Landing);
        var output = result.Stdout;
        Assert.Contains(Path.Combine(shown, "comments/xhs-2026-11-20.jsonl")
            + ": comments, jsonl, utf-8: 4 rows: 2 would be accepted, 1 duplicate in the file, 1 quarantined", output, StringComparison.Ordinal);
        Assert.Contains("  bad_timestamp: 1 row\n    line 4 ts '2026/13/45 25:00': expected ISO-8601 with an offset", output, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(shown, "products/tmall-2026-11-20.csv")
            + ": products, csv, gb18030 (GBK): 2 rows: 2 would be accepted, 0 duplicates in the file, 0 quarantined", output, StringComparison.Ordinal);
        AssertNamesEveryMistake(output, shown);
        Assert.Contains("validate: 2 files, 6 rows: 4 would be accepted, 1 duplicate in their file, 1 quarantined; 5 landing entries not read; nothing written",
            output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
        Assert.Equal(before, Snapshot());
        foreach (var written in new[] { "lake", "state", "quarantine", "warehouse.duckdb", ".tmp" })
        {
            Assert.False(Path.Exists(Path.Combine(_data, written)), written);
        }
    }

    [Fact]
    public void Validate_FormatJson_ExamplesWithFieldValueAndExpected()
    {
        WriteLandingWithMistakes();

        var result = CliProcess.Run(null, "--data", _data, "validate", "--format", "json");

        Assert.True(result.ExitCode == 3, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("rows_read").GetInt64());
        Assert.Equal(4, root.GetProperty("would_accept").GetInt64());
        Assert.Equal(5, root.GetProperty("ignored").GetArrayLength());
        var comments = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("feed").GetString() == Feeds.Comments);
        var reason = Assert.Single(comments.GetProperty("reasons").EnumerateArray());
        Assert.Equal("bad_timestamp", reason.GetProperty("reason").GetString());
        var example = Assert.Single(reason.GetProperty("examples").EnumerateArray());
        Assert.Equal(4, example.GetProperty("line").GetInt64());
        Assert.Equal("ts", example.GetProperty("field").GetString());
        Assert.Equal("2026/13/45 25:00", example.GetProperty("value").GetString());
        Assert.StartsWith("expected ISO-8601", example.GetProperty("expected").GetString(), StringComparison.Ordinal);
        var products = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("feed").GetString() == Feeds.Products);
        Assert.Equal("gb18030", products.GetProperty("encoding").GetString());
    }

    [Fact]
    public void Ingest_LandingWithMistakes_NamesEveryIgnoredPathInSummaryAndLog()
    {
        WriteLandingWithMistakes();

        var result = CliProcess.Run(null, "--data", _data, "ingest");

        Assert.True(result.ExitCode == 3, result.ToString());
        AssertNamesEveryMistake(result.Stdout, Landing);
        Assert.Contains("5 landing entries not read", result.Stdout.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var log = string.Concat(Directory.GetFiles(Path.Combine(_data, "state", "logs")).Select(File.ReadAllText));
        Assert.Contains("unknown feed folder 'comment'; did you mean 'comments'?", log, StringComparison.Ordinal);
        Assert.Contains("a file at the landing root", log, StringComparison.Ordinal);
        Assert.Contains("unsupported extension '.json'", log, StringComparison.Ordinal);
        Assert.Contains("a folder named like a landing file", log, StringComparison.Ordinal);

        var lake = CliProcess.Run(null, "--data", _data, "sql", "SELECT text_norm FROM comments ORDER BY event_id", "--format", "csv");
        Assert.Equal(["text_norm", "这件马面裙太好看了!国风yyds", "国风汉服 秋冬款真的绝了"], lake.Stdout.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Status_LastIngestLeftEntriesUnread_NamesThemUntilMovedAndIngestedAgain()
    {
        Write("comments/xhs-2026-11-20.jsonl", Utf8(Comment("c-1", "2026-11-20T10:00:00+08:00", "这件马面裙太好看了！国风yyds")));
        var misplaced = Write("comment/xhs-2026-11-21.jsonl", Utf8(Comment("c-9", "2026-11-21T09:00:00+08:00", "多巴胺穿搭")));
        var atRoot = Write("comments-2026-11-22.jsonl", Utf8(Comment("c-10", "2026-11-22T09:00:00+08:00", "citywalk 路线")));

        var ingest = CliProcess.Run(null, "--data", _data, "ingest");
        var warned = CliProcess.Run(null, "--data", _data, "status");

        Assert.True(ingest.ExitCode == 3, ingest.ToString());
        Assert.True(warned.ExitCode == 0, warned.ToString());
        Assert.Contains("warning: the last ingest did not read 2 landing entries: "
            + Path.Combine(Landing, "comment") + " (unknown feed folder 'comment'; did you mean 'comments'? (feeds: search, comments, engagement, content, products)), "
            + atRoot + " (a file at the landing root; files are read from landing/<feed>/ only: move it to comments/",
            Unwrapped(warned.Stdout), StringComparison.Ordinal);

        File.Move(misplaced, Path.Combine(Landing, "comments", "xhs-2026-11-21.jsonl"));
        File.Move(atRoot, Path.Combine(Landing, "comments", "xhs-2026-11-22.jsonl"));
        Directory.Delete(Path.Combine(Landing, "comment"));
        var again = CliProcess.Run(null, "--data", _data, "ingest");
        var quiet = CliProcess.Run(null, "--data", _data, "status");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.DoesNotContain("did not read", Unwrapped(quiet.Stdout), StringComparison.Ordinal);
        Assert.Contains("last ingest with new rows", quiet.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_MoreThanFiveEntriesUnread_NamesFiveAndCountsTheRest()
    {
        WriteLandingWithMistakes();
        Write("说明.txt", Utf8("巨量算数 11 月导出，先放这里"));

        var ingest = CliProcess.Run(null, "--data", _data, "ingest");
        var status = CliProcess.Run(null, "--data", _data, "status");

        Assert.True(ingest.ExitCode == 3, ingest.ToString());
        var warning = Assert.Single(Unwrapped(status.Stdout).Split("warning: "), w => w.StartsWith("the last ingest did not read", StringComparison.Ordinal));
        Assert.StartsWith("the last ingest did not read 6 landing entries: " + Path.Combine(Landing, "comment") + " (", warning, StringComparison.Ordinal);
        Assert.Contains(" and 1 more ", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.Combine(Landing, "说明.txt"), warning, StringComparison.Ordinal);
    }

    /// <summary>Output with lines wrapped at the terminal width joined again.</summary>
    private static string Unwrapped(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    [Fact]
    public void Ingest_LandingOptionNamesAFeedFolder_SaysTheLandingFolderHoldsFeedFolders()
    {
        Write("comments/xhs-2026-11-20.jsonl", Utf8(Comment("c-1", "2026-11-20T10:00:00+08:00", "国风马面裙")));

        var result = CliProcess.Run(null, "--data", _data, "ingest", "--landing", Path.Combine(Landing, "comments"));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("not read: " + Path.Combine(Landing, "comments", "xhs-2026-11-20.jsonl")
            + ": a file at the landing root, which is named like the feed folder 'comments': the landing folder is the one that holds <feed>/ folders",
            result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GbkFileWithTraditionalCharacters_ExitsZero()
    {
        var file = Write("products/tmall-2026-11-20.csv", Gbk(
            "product_id,ts,title,category,price,sales,shop_id\r\n"
            + "p-1,2026-11-20 11:00:00,新中式国风马面裙 秋冬加厚,女装,¥129.00,1200,s-1\r\n"
            + "p-2,2026-11-20 11:30:00,復古燈芯絨外套 男女同款,男装,\"1,299.00\",35,s-2\r\n"));

        var result = CliProcess.Run(null, "validate", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("products, csv, gb18030 (GBK): 2 rows: 2 would be accepted", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("validate: 1 file, 2 rows: 2 would be accepted, 0 duplicates in their file, 0 quarantined; nothing written", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FileInMisnamedFolder_OneLineErrorSuggestingTheFeed()
    {
        var file = Write("comment/xhs.jsonl", Utf8(Comment("c-9", "2026-11-21T09:00:00+08:00", "多巴胺穿搭")));

        var result = CliProcess.Run(null, "validate", file);
        var asFeed = CliProcess.Run(null, "validate", file, "--feed", Feeds.Comments);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith($"error: {file}: cannot tell its feed: its folder 'comment' is not a feed (did you mean 'comments'?); give --feed (search, comments, engagement, content, products)",
            line, StringComparison.Ordinal);
        Assert.True(asFeed.ExitCode == 0, asFeed.ToString());
    }

    [Theory]
    [InlineData("ingest", "--landing")]
    [InlineData("ingest", null)]
    [InlineData("run", null)]
    [InlineData("validate", null)]
    [InlineData("validate", "")]
    public void Command_MissingLanding_ExitsOneWithOneLineNamingThePath(string command, string? option)
    {
        var missing = Path.Combine(_data, "nowhere");
        string[] args = option switch
        {
            null => ["--data", missing, command],
            "" => ["--data", _data, command, missing],
            _ => ["--data", _data, command, option, missing],
        };

        var result = CliProcess.Run(null, args);

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(missing, "lake")));
    }

    [Fact]
    public void Validate_ContractExamples_EveryRowOfEveryFeedAndFormatAccepted()
    {
        var contract = Path.Combine(AssetLocator.Root, "data", "samples", "contract");
        var feeds = Feeds.All.Select(f => Path.Combine(contract, f)).ToArray();

        var result = CliProcess.Run(null, ["validate", .. feeds]);

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var format in new[] { "jsonl", "csv", "parquet" })
        {
            Assert.Equal(Feeds.All.Count, result.Stdout.Split('\n').Count(l => l.Contains($", {format}", StringComparison.Ordinal) && l.EndsWith(" 0 quarantined", StringComparison.Ordinal)));
        }

        Assert.EndsWith("0 duplicates in their file, 0 quarantined; nothing written", result.Stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CommittedSamples_CountsAsIngestReadsThem()
    {
        var samples = Path.Combine(AssetLocator.Root, "data", "samples", "landing");

        var check = CliProcess.Run(null, "validate", samples, "--format", "json");
        var ingest = CliProcess.Run(null, "--data", _data, "ingest", "--landing", samples);

        Assert.True(check.ExitCode == 3, check.ToString());
        Assert.True(ingest.ExitCode == 3, ingest.ToString());
        using var json = JsonDocument.Parse(check.Stdout);
        var root = json.RootElement;
        var (read, accepted, quarantined, duplicates) = (root.GetProperty("rows_read").GetInt64(), root.GetProperty("would_accept").GetInt64(),
            root.GetProperty("quarantined").GetInt64(), root.GetProperty("duplicates").GetInt64());
        Assert.Equal(read, accepted + quarantined + duplicates);

        // Duplicates across files are ingest's alone (validate looks at each file on its own); a quarantined row is one either way.
        var quarantine = Directory.EnumerateFiles(Path.Combine(_data, "quarantine"), "*.jsonl", SearchOption.AllDirectories).Sum(f => File.ReadLines(f).LongCount());
        Assert.Equal(quarantined, quarantine);
        Assert.Contains(root.GetProperty("files").EnumerateArray(), f => f.GetProperty("same_content_as").ValueKind == JsonValueKind.String);
    }
}
