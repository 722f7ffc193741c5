using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using TrendInsight.Core;

namespace TrendInsight.Ingest.Tests;

public sealed class ParquetLandingTests : IDisposable
{
    private static readonly DataField EventId = new DataField<string>("event_id");
    private static readonly DataField Ts = new DateTimeDataField("ts", DateTimeFormat.Timestamp, isAdjustedToUTC: true, isNullable: true);
    private static readonly DataField ContentId = new DataField<string>("content_id");
    private static readonly DataField Text = new DataField<string>("text");
    private static readonly DataField Likes = new DataField<long?>("likes");
    private static readonly DataField UserId = new DataField<int?>("user_id");

    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static Dictionary<string, object?> Comment(int i, string text, long? likes = 3, DateTime? ts = null) => new()
    {
        ["event_id"] = $"c-{i}",
        ["ts"] = ts ?? new DateTime(2026, 11, 10, 4, 0, 0, DateTimeKind.Utc).AddMinutes(i),
        ["content_id"] = "n-1",
        ["text"] = text,
        ["likes"] = likes,
        ["user_id"] = 1000 + i,
    };

    private string WriteParquet(string feed, string name, ParquetSchema schema, IReadOnlyCollection<IDictionary<string, object?>> rows, int rowGroupSize = 10_000)
    {
        var folder = _h.Layout.LandingFeed(feed);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        using (var stream = File.Create(path))
        {
            ParquetSerializer.SerializeUntypedAsync(rows, schema, stream, new ParquetOptions { RowGroupSize = rowGroupSize }).GetAwaiter().GetResult();
        }

        return path;
    }

    private static ParquetSchema CommentSchema => new(EventId, Ts, ContentId, Text, Likes, UserId);

    [Fact]
    public void Ingest_ParquetWithOneBadRow_OtherRowsLandBadOneQuarantinedWithRowNumber()
    {
        var rows = Enumerable.Range(1, 6).Select(i => (IDictionary<string, object?>)Comment(i, $"第{i}条 露营装备推荐", likes: i == 4 ? -2 : i)).ToList();
        WriteParquet(Feeds.Comments, "comments-extract.parquet", CommentSchema, rows);

        var s = _h.Run();

        foreach (var (_, reason, detail) in _h.Last!.LastFeeds.SelectMany(t => t.RejectedFiles))
        {
            Assert.Fail(reason + ": " + detail);
        }

        Assert.Equal(6, s.RowsRead);
        Assert.Equal(5, s.Accepted);
        var q = Assert.Single(_h.Quarantine(Feeds.Comments));
        Assert.Equal("bad_number:likes", q.Reason);
        Assert.Equal(4, q.Line);
        Assert.Equal("comments-extract.parquet", q.SourceFile);
        Assert.Contains("\"event_id\":\"c-4\"", q.Raw, StringComparison.Ordinal);
        Assert.Contains("第4条 露营装备推荐", q.Raw, StringComparison.Ordinal);
        var lake = _h.Lake(Feeds.Comments, "event_id");
        Assert.Equal(["c-1", "c-2", "c-3", "c-5", "c-6"], lake.Select(r => (string)r["event_id"]!));
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 4, 1, 0, TimeSpan.Zero), ((DateTimeOffset)lake[0]["ts"]!).ToUniversalTime());
        Assert.Equal("1001", lake[0]["user_id"]);
        Assert.Equal(1L, lake[0]["likes"]);
    }

    [Fact]
    public async Task Ingest_ParquetSeveralRowGroups_EveryRowReadWithItsRowNumber()
    {
        var rows = Enumerable.Range(1, 250).Select(i => (IDictionary<string, object?>)Comment(i, $"评论{i} 多巴胺穿搭", likes: i == 233 ? null : i)).ToList();
        rows[232]["text"] = null;
        var path = WriteParquet(Feeds.Comments, "big.parquet", CommentSchema, rows, rowGroupSize: 100);
        await using (var reader = await ParquetReader.CreateAsync(path))
        {
            Assert.Equal(3, reader.RowGroupCount);
        }

        var s = _h.Run();

        Assert.Equal(250, s.RowsRead);
        Assert.Equal(249, s.Accepted);
        var q = Assert.Single(_h.Quarantine(Feeds.Comments));
        Assert.Equal(("missing_field:text", 233L), (q.Reason, q.Line));
        Assert.Equal(249, _h.Lake(Feeds.Comments).Count);
    }

    [Fact]
    public void Ingest_ParquetLackingRequiredColumn_FileRejectedNamingItOthersRead()
    {
        var schema = new ParquetSchema(EventId, Ts, ContentId, Likes);
        var rows = Enumerable.Range(1, 3).Select(i =>
        {
            var r = Comment(i, "x");
            r.Remove("text");
            r.Remove("user_id");
            return (IDictionary<string, object?>)r;
        }).ToList();
        WriteParquet(Feeds.Comments, "a-no-text.parquet", schema, rows);
        _h.Write(Feeds.Comments, "b.jsonl", IngestHarness.Lines(new { event_id = "j1", ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", text = "露营" }));

        var s = _h.Run();

        Assert.Equal(1, s.FilesRejected);
        Assert.True(s.AnythingRejected);
        Assert.Equal(1, s.FilesProcessed);
        Assert.Equal((1L, 1L), (s.RowsRead, s.Accepted));
        var (file, reason, detail) = Assert.Single(Assert.Single(_h.Last!.LastFeeds, t => t.Feed == Feeds.Comments).RejectedFiles);
        Assert.Equal("a-no-text.parquet", file);
        Assert.Equal("missing_column:text", reason);
        Assert.StartsWith("missing required column text", detail, StringComparison.Ordinal);

        // Not read again until it changes; status lists it.
        var again = _h.Run();
        Assert.Equal(0, again.FilesRejected);
        Assert.Equal(0, again.RowsRead);
        var listed = Assert.Single(IngestStatus.Read(_h.Layout)!.RejectedFiles);
        Assert.Equal((Feeds.Comments, "a-no-text.parquet", reason, detail), (listed.Feed, listed.File, listed.Reason, listed.Detail));

        // Rewritten with the column, it is read.
        WriteParquet(Feeds.Comments, "a-no-text.parquet", CommentSchema,
            Enumerable.Range(1, 3).Select(i => (IDictionary<string, object?>)Comment(i, $"第{i}条 露营")).ToList());
        var fixedRun = _h.Run();
        Assert.Equal((0, 3L, 3L), (fixedRun.FilesRejected, fixedRun.RowsRead, fixedRun.Accepted));
    }

    [Theory]
    [InlineData("not-parquet", "not Parquet")]
    [InlineData("cut", "cut short")]
    public void Ingest_UnreadableParquet_FileRejectedWithReason(string kind, string seen)
    {
        var path = WriteParquet(Feeds.Comments, "broken.parquet", CommentSchema,
            Enumerable.Range(1, 50).Select(i => (IDictionary<string, object?>)Comment(i, "露营")).ToList());
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, kind == "cut" ? bytes[..(bytes.Length / 2)] : "{\"event_id\": \"c1\"}\n"u8.ToArray());

        var s = _h.Run();

        Assert.Equal((1, 0, 0L), (s.FilesRejected, s.FilesProcessed, s.RowsRead));
        var (_, reason, detail) = Assert.Single(_h.Last!.LastFeeds.SelectMany(t => t.RejectedFiles));
        Assert.Equal("not_parquet", reason);
        Assert.StartsWith(seen, detail, StringComparison.Ordinal);
        Assert.Empty(_h.Quarantine(Feeds.Comments));
        Assert.Equal(0, _h.Run().FilesRejected);
    }

    [Fact]
    public void Ingest_ParquetTraditionalAndEmojiWithTagLists_NormalisedLikeJsonl()
    {
        var tags = new ListField("tags", new DataField<string>("element"));
        var schema = new ParquetSchema(new DataField<string>("content_id"),
            new DateTimeDataField("ts", DateTimeFormat.Timestamp, isAdjustedToUTC: false, isNullable: true),
            new DataField<string>("Title"), tags, new DataField<string>("author_id"));
        var texts = new[] { ("國風馬面裙 一週不重樣😍", new[] { "#國風", "馬面裙" }), ("ｃｉｔｙｗａｌｋ路线分享🔥", new[] { "citywalk", "城市漫步" }), ("露营\u200b好物", Array.Empty<string>()) };
        var rows = texts.Select((t, i) => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["content_id"] = $"n-{i}",
            ["ts"] = new DateTime(2026, 11, 10, 20, 30, 0, DateTimeKind.Unspecified),
            ["Title"] = t.Item1,
            ["tags"] = t.Item2.Select(tag => (ReadOnlyMemory<char>?)tag.AsMemory()).ToList(),
            ["author_id"] = "a-1",
        }).ToList();
        WriteParquet(Feeds.Content, "content.parquet", schema, rows);
        var lines = IngestHarness.Lines([.. texts.Select((t, i) => (object)new { content_id = $"n-{i}", ts = "2026-11-10T20:30:00+08:00", title = t.Item1, tags = t.Item2, author_id = "a-1" })]);
        using var jsonl = new IngestHarness();
        jsonl.Write(Feeds.Content, "content.jsonl", lines);

        var s = _h.Run();
        jsonl.Run();

        Assert.Equal((3L, 3L), (s.RowsRead, s.Accepted));
        var fromParquet = _h.Lake(Feeds.Content, "content_id");
        var fromJsonl = jsonl.Lake(Feeds.Content, "content_id");
        string[] columns = ["content_id", "ts", "title", "title_norm", "tags", "tags_norm", "author_id", "dt"];
        Assert.Equal(fromJsonl.Select(r => columns.Select(c => Show(r[c]))), fromParquet.Select(r => columns.Select(c => Show(r[c]))));
        Assert.Equal("国风马面裙 一周不重样😍", fromParquet[0]["title_norm"]);
        Assert.Equal("2026-11-10", Show(fromParquet[0]["dt"]));
    }

    [Fact]
    public void Ingest_ParquetTextNeedingEscapesRepeatedAndMissing_LandsAsTheSameRowsAsJsonl()
    {
        // Repeated values (a dictionary-encoded column), unique ones (plain), text that JSON escapes, empty and null
        // values, over several row groups.
        string?[] texts = ["求\"同款\"链接 C:\\穿搭", "第一行\n第二行\t缩进", "控制符\u0001在这", "", null, "國風馬面裙😍", "露营好物"];
        var rows = Enumerable.Range(1, 40).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["event_id"] = $"c-{i}",
            ["ts"] = new DateTime(2026, 11, 10, 4, 0, 0, DateTimeKind.Utc).AddMinutes(i),
            ["content_id"] = i % 3 == 0 ? null : $"n-{i % 4}",
            ["text"] = i % 9 == 0 ? $"独一无二的评论 {i}" : texts[i % texts.Length],
            ["likes"] = (long?)i,
            ["user_id"] = 1000 + (i % 5),
        }).ToList();
        WriteParquet(Feeds.Comments, "comments.parquet", CommentSchema, rows, rowGroupSize: 16);
        using var jsonl = new IngestHarness();
        jsonl.Write(Feeds.Comments, "comments.jsonl", IngestHarness.Lines([.. rows.Select(r => (object)new
        {
            event_id = r["event_id"],
            ts = ((DateTime)r["ts"]!).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            content_id = r["content_id"],
            text = r["text"],
            likes = r["likes"],
            user_id = r["user_id"],
        })]));

        var s = _h.Run();
        var j = jsonl.Run();

        Assert.Equal((40L, j.Accepted, j.Quarantined), (s.RowsRead, s.Accepted, s.Quarantined));
        Assert.Equal(jsonl.Quarantine(Feeds.Comments).Select(q => (q.Reason, q.Line)), _h.Quarantine(Feeds.Comments).Select(q => (q.Reason, q.Line)));
        string[] columns = ["event_id", "ts", "content_id", "text", "text_norm", "likes", "user_id", "dt"];
        var fromParquet = _h.Lake(Feeds.Comments, "event_id");
        Assert.Equal(jsonl.Lake(Feeds.Comments, "event_id").Select(r => columns.Select(c => Show(r[c]))), fromParquet.Select(r => columns.Select(c => Show(r[c]))));
        Assert.Contains(fromParquet, r => (string?)r["text"] == "求\"同款\"链接 C:\\穿搭");
        Assert.Contains(fromParquet, r => (string?)r["text"] == "第一行\n第二行\t缩进");
    }

    [Fact]
    public void Ingest_ParquetTypedColumns_ReadAsTheContractReadsTheirJsonValues()
    {
        var schema = new ParquetSchema(new DataField<long>("EVENT_ID"), new DataField<DateOnly?>("ts"), new DataField<int?>("content_id"),
            new DataField<string>("action"), new DataField<int?>("count"), new DataField<double?>("gmv"), new DataField<bool?>("platform"),
            new DataField<string>("gender"));
        var rows = new (string Action, int? Count, double? Gmv)[] { ("PURCHASE", 2, 199.5), ("play", null, null), ("like", 1, double.NaN), ("share", -1, null) }
            .Select((r, i) => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["EVENT_ID"] = 9_000_000_001L + i,
                ["ts"] = new DateOnly(2026, 11, 10),
                ["content_id"] = 42,
                ["action"] = r.Action,
                ["count"] = r.Count,
                ["gmv"] = r.Gmv,
                ["platform"] = null,
                ["gender"] = "女",
            }).ToList();
        WriteParquet(Feeds.Engagement, "engagement.parquet", schema, rows);

        var s = _h.Run();

        Assert.Equal((4L, 2L), (s.RowsRead, s.Accepted));
        Assert.Equal([("bad_number:gmv", 3L), ("bad_number:count", 4L)], _h.Quarantine(Feeds.Engagement).Select(q => (q.Reason, q.Line)).OrderBy(q => q.Line));
        var lake = _h.Lake(Feeds.Engagement, "event_id");
        Assert.Equal(["9000000001", "9000000002"], lake.Select(r => (string)r["event_id"]!));
        Assert.Equal(("purchase", 2L, 199.50m, "42", "f"), ((string)lake[0]["action"]!, (long)lake[0]["count"]!, (decimal)lake[0]["gmv"]!, (string)lake[0]["content_id"]!, (string)lake[0]["gender"]!));
        Assert.Equal((1L, (object?)null), ((long)lake[1]["count"]!, lake[1]["gmv"]));
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.FromHours(8)), (DateTimeOffset)lake[0]["ts"]!);
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        System.Collections.IEnumerable e and not string => "[" + string.Join(",", e.Cast<object?>().Select(Show)) + "]",
        DateTimeOffset t => t.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
    };
}
