using System.IO.Compression;
using System.Text;
using TrendInsight.Core;

namespace TrendInsight.Ingest.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static object Comment(string id, string text = "露营真好", string ts = "2026-11-10T12:00:00+08:00") =>
        new { event_id = id, ts, content_id = "n-1", text };

    [Fact]
    public void Ingest_MalformedJson_QuarantinedAsInvalidJson()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1"), "{\"event_id\": \"c2\", \"text\": \"露营", "[1,2]"));

        var s = _h.Run();

        Assert.Equal(3, s.RowsRead);
        Assert.Equal(1, s.Accepted);
        var q = _h.Quarantine(Feeds.Comments);
        Assert.All(q, r => Assert.Equal("invalid_json", r.Reason));
        Assert.Equal([2L, 3L], q.Select(r => r.Line).Order());
        Assert.Contains(q, r => r.Raw == "{\"event_id\": \"c2\", \"text\": \"露营");
    }

    [Fact]
    public void Ingest_EscapesThatAreNotText_QuarantinedAsInvalidJsonOthersUnescaped()
    {
        // A lone surrogate escape cannot become UTF-8; a pair is an emoji; trailing text after the object is not JSON.
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(
            "{\"event_id\": \"c1\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"content_id\": \"n-1\", \"text\": \"坏\\ud800字\"}",
            "{\"event_id\": \"c2\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"content_id\": \"n-1\", \"text\": \"露营\\ud83c\\udfd5\\ufe0f \\u570b\\u98a8\"}",
            "{\"event_id\": \"c3\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"content_id\": \"n-1\", \"text\": \"好\"} 多余"));

        var s = _h.Run();

        Assert.Equal(3, s.RowsRead);
        Assert.Equal(1, s.Accepted);
        var q = _h.Quarantine(Feeds.Comments);
        Assert.All(q, r => Assert.Equal("invalid_json", r.Reason));
        Assert.Equal([1L, 3L], q.Select(r => r.Line).Order());
        var row = Assert.Single(_h.Lake(Feeds.Comments));
        Assert.Equal("露营🏕️ 國風", row["text"]);
        Assert.Equal("露营🏕️ 国风", row["text_norm"]);
    }

    [Fact]
    public void Ingest_TagWithLoneSurrogate_QuarantinedAsInvalidJson()
    {
        _h.Write(Feeds.Content, "n.jsonl", IngestHarness.Lines(
            "{\"content_id\": \"n1\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"title\": \"國風汉服\", \"tags\": [\"国风\", \"\\udc00\"]}",
            "{\"content_id\": \"n2\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"title\": \"露营\", \"tags\": [\"#露营\", \"天幕\"]}"));

        var s = _h.Run();

        Assert.Equal(1, s.Accepted);
        Assert.Equal("invalid_json", _h.QuarantineReason(Feeds.Content));
    }

    [Fact]
    public void Ingest_TruncatedGzip_EarlierRowsAcceptedLastLineQuarantined()
    {
        var bytes = Gzip(IngestHarness.Lines(Enumerable.Range(0, 300).Select(i => Comment($"c{i}", $"第{i}条评论 露营")).ToArray()));
        _h.WriteBytes(Feeds.Comments, "c.jsonl.gz", bytes[..(bytes.Length * 2 / 3)]);

        var s = _h.Run();

        Assert.True(s.RowsRead is > 0 and < 300, $"read {s.RowsRead}");
        Assert.Equal("truncated_gzip", _h.QuarantineReason(Feeds.Comments));
        Assert.Equal(s.RowsRead - 1, s.Accepted);
        Assert.Equal(s.Accepted, _h.Lake(Feeds.Comments).Count);
    }

    [Fact]
    public void Ingest_TruncatedGzipEndingWithAFullBatch_LastLineQuarantined()
    {
        // Lines that fill whole batches of 2,048 (as many as the workers take at once, twice over), flushed, and the
        // file cut right after them. The last line read is still the one quarantined, not one of an earlier batch.
        var lines = 2 * LandingFileReader.Workers * 2048;
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(IngestHarness.Lines(Enumerable.Range(0, lines).Select(i => Comment($"c{i}", $"第{i}条评论 露营")).ToArray())));
            gz.Flush();
            _h.WriteBytes(Feeds.Comments, "c.jsonl.gz", ms.ToArray());
        }

        var s = _h.Run();

        Assert.Equal(lines, s.RowsRead);
        Assert.Equal(lines - 1, s.Accepted);
        var q = Assert.Single(_h.Quarantine(Feeds.Comments));
        Assert.Equal("truncated_gzip", q.Reason);
        Assert.Equal(lines, q.Line);
    }

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return ms.ToArray();
    }

    [Fact]
    public void Ingest_GzipOfTwoMembers_AllRowsAccepted()
    {
        // What `cat a.gz b.gz > c.gz` gives: the trailer is the second member's.
        var first = Gzip(IngestHarness.Lines(Enumerable.Range(0, 50).Select(i => Comment($"a{i}", $"第一段 露营 {i}")).ToArray()));
        var second = Gzip(IngestHarness.Lines(Comment("b1", "第二段 國風"), Comment("b2", "第二段 复古")));
        _h.WriteBytes(Feeds.Comments, "c.jsonl.gz", [.. first, .. second]);

        var s = _h.Run();

        Assert.Equal(52, s.RowsRead);
        Assert.Equal(52, s.Accepted);
        Assert.Equal(0, s.Quarantined);
    }

    [Fact]
    public void Ingest_GzipOfTwoMembersCutInTheSecond_LastLineQuarantinedAsTruncated()
    {
        var first = Gzip(IngestHarness.Lines(Enumerable.Range(0, 50).Select(i => Comment($"a{i}", $"第一段 露营 {i}")).ToArray()));
        var second = Gzip(IngestHarness.Lines(Enumerable.Range(0, 300).Select(i => Comment($"b{i}", $"第二段 第{i}条 國風")).ToArray()));
        byte[] whole = [.. first, .. second];
        _h.WriteBytes(Feeds.Comments, "c.jsonl.gz", whole[..(first.Length + (second.Length * 2 / 3))]);

        var s = _h.Run();

        Assert.True(s.RowsRead is > 50 and < 350, $"read {s.RowsRead}");
        Assert.Equal("truncated_gzip", _h.QuarantineReason(Feeds.Comments));
        Assert.Equal(s.RowsRead - 1, s.Accepted);
    }

    [Fact]
    public void Ingest_CompleteGzip_AllRowsAccepted()
    {
        _h.WriteBytes(Feeds.Comments, "c.jsonl.gz", Gzip(IngestHarness.Lines(Comment("c1"), Comment("c2"))));

        var s = _h.Run();

        Assert.Equal(2, s.Accepted);
        Assert.Empty(_h.Quarantine(Feeds.Comments));
    }

    [Fact]
    public void Ingest_EmptyFile_ProcessedWithNoRows()
    {
        _h.Write(Feeds.Comments, "empty.jsonl", string.Empty);

        var s = _h.Run();

        Assert.Equal(1, s.FilesProcessed);
        Assert.Equal(0, s.RowsRead);
        Assert.Empty(_h.Lake(Feeds.Comments));
    }

    [Fact]
    public void Ingest_CsvWithOnlyHeader_ProcessedWithNoRows()
    {
        _h.Write(Feeds.Products, "p.csv", "product_id,ts,title,category,price,sales,shop_id\r\n");

        var s = _h.Run();

        Assert.Equal(1, s.FilesProcessed);
        Assert.Equal(0, s.RowsRead);
    }

    [Fact]
    public void Ingest_WrongType_QuarantinedAsBadType()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(new { event_id = "c1", ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", text = 42 }));

        var s = _h.Run();

        Assert.Equal(0, s.Accepted);
        Assert.Equal("bad_type:text", _h.QuarantineReason(Feeds.Comments));
    }

    [Fact]
    public void Ingest_MissingRequiredField_QuarantinedAsMissingField()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(new { event_id = "c1", ts = "2026-11-10T12:00:00+08:00", content_id = "n-1" }));

        _h.Run();

        Assert.Equal("missing_field:text", _h.QuarantineReason(Feeds.Comments));
    }

    [Fact]
    public void Ingest_TimestampWithoutOffset_ReadAsShanghai()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", ts: "2026-11-10 23:30:00")));

        _h.Run();

        var row = Assert.Single(_h.Lake(Feeds.Comments));
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 15, 30, 0, TimeSpan.Zero), ((DateTimeOffset)row["ts"]!).ToUniversalTime());
        Assert.Equal(new DateOnly(2026, 11, 10), (DateOnly)row["dt"]!);
    }

    [Fact]
    public void Ingest_TimestampWithOffset_BusinessDayIsShanghaiDate()
    {
        // 17:00 UTC is 01:00 the next day in Shanghai.
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", ts: "2026-11-10T17:00:00Z"), Comment("c2", ts: "2026-11-10T09:00:00-05:00")));

        _h.Run();

        var rows = _h.Lake(Feeds.Comments, "event_id");
        Assert.Equal(new DateOnly(2026, 11, 11), (DateOnly)rows[0]["dt"]!);
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 14, 0, 0, TimeSpan.Zero), ((DateTimeOffset)rows[1]["ts"]!).ToUniversalTime());
        Assert.Equal(new DateOnly(2026, 11, 10), (DateOnly)rows[1]["dt"]!);
    }

    [Fact]
    public void Ingest_EpochMilliseconds_AsNumberAndAsString()
    {
        // 1794326400000 = 2026-11-10T16:00:00Z = 2026-11-11 00:00 in Shanghai.
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(
            new { event_id = "c1", ts = 1794326400000L, content_id = "n-1", text = "露营" },
            new { event_id = "c2", ts = "1794326400000", content_id = "n-1", text = "露营" }));

        _h.Run();

        var rows = _h.Lake(Feeds.Comments, "event_id");
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1794326400000L), (DateTimeOffset)r["ts"]!));
        Assert.All(rows, r => Assert.Equal(new DateOnly(2026, 11, 11), (DateOnly)r["dt"]!));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01T00:00:00+08:00")]
    [InlineData("2026-02-30")]
    [InlineData("17627904")]
    public void Ingest_NonsenseTimestamp_QuarantinedAsBadTimestamp(string ts)
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", ts: ts)));

        _h.Run();

        Assert.Equal("bad_timestamp", _h.QuarantineReason(Feeds.Comments));
    }

    [Fact]
    public void Ingest_FarFutureTimestamp_QuarantinedAsFutureTimestamp()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", ts: "2026-11-14T12:00:00+08:00"), Comment("c2", ts: "2026-11-13T11:00:00+08:00")));

        var s = _h.Run();

        Assert.Equal(1, s.Accepted);
        var q = Assert.Single(_h.Quarantine(Feeds.Comments));
        Assert.Equal("future_timestamp", q.Reason);
        Assert.Equal("dt=2026-11-14", q.Dt);
    }

    [Fact]
    public void Ingest_GbkCsvWithChineseValues_DecodedAsGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "product_id,ts,title,category,price,sales,shop_id\r\n"
            + "p-1,2026-11-10 10:00:00,新中式国风马面裙 秋冬加厚,女装,299.00,120,店铺七\r\n"
            + "p-2,2026/11/10 11:00,\"户外露营椅, 折叠便携\",户外,¥89.90,3400,shop-9\r\n";
        _h.Write(Feeds.Products, "p.csv", csv, Encoding.GetEncoding("GBK"));

        var s = _h.Run();

        Assert.Equal(2, s.Accepted);
        var rows = _h.Lake(Feeds.Products, "product_id");
        Assert.Equal("新中式国风马面裙 秋冬加厚", rows[0]["title"]);
        Assert.Equal("店铺七", rows[0]["shop_id"]);
        Assert.Equal(299.00m, rows[0]["price"]);
        Assert.Equal("户外露营椅, 折叠便携", rows[1]["title"]);
        Assert.Equal(89.90m, rows[1]["price"]);
    }

    [Fact]
    public void Ingest_Utf8Bom_FirstRowRead()
    {
        _h.Write(Feeds.Comments, "c.jsonl", "\uFEFF" + IngestHarness.Lines(Comment("c1")), new UTF8Encoding(false));
        _h.Write(Feeds.Products, "p.csv", "\uFEFFproduct_id,ts,title\n p-1,2026-11-10 10:00,露营灯\n", new UTF8Encoding(false));

        var s = _h.Run();

        Assert.Equal(2, s.Accepted);
        Assert.Equal("c1", Assert.Single(_h.Lake(Feeds.Comments))["event_id"]);
        Assert.Equal("p-1", Assert.Single(_h.Lake(Feeds.Products))["product_id"]);
    }

    [Fact]
    public void Ingest_CrlfLineEnds_NoCarriageReturnInValues()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1"), Comment("c2")).Replace("\n", "\r\n", StringComparison.Ordinal));
        _h.Write(Feeds.Products, "p.csv", "product_id,ts,title,shop_id\r\np-1,2026-11-10 10:00,露营灯,shop-1\r\n");

        var s = _h.Run();

        Assert.Equal(3, s.Accepted);
        Assert.Equal("shop-1", Assert.Single(_h.Lake(Feeds.Products))["shop_id"]);
    }

    [Fact]
    public void Ingest_VeryLongText_QuarantinedAsTextTooLong()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", string.Concat(Enumerable.Repeat("露", 10_001))), Comment("c2", string.Concat(Enumerable.Repeat("露", 10_000)))));

        var s = _h.Run();

        Assert.Equal(1, s.Accepted);
        Assert.Equal("text_too_long", _h.QuarantineReason(Feeds.Comments));
    }

    [Fact]
    public void Ingest_NulBytes_Removed()
    {
        var line = "{\"event_id\": \"c1\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"content_id\": \"n-1\", \"text\": \"复古\0风\\u0000露营椅\"}\n";
        _h.Write(Feeds.Comments, "c.jsonl", line);

        var s = _h.Run();

        Assert.Equal(1, s.Accepted);
        var row = Assert.Single(_h.Lake(Feeds.Comments));
        Assert.Equal("复古风露营椅", row["text"]);
    }

    [Fact]
    public void Ingest_HtmlAndScriptInComment_KeptAsText()
    {
        const string text = "<b>露营</b>必备<script>alert('x')</script>";
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", text)));

        _h.Run();

        Assert.Equal(text, Assert.Single(_h.Lake(Feeds.Comments))["text"]);
    }

    [Fact]
    public void Ingest_Emoji_KeptInOriginalText()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", "第一次露营🏕️ 太开心了😍")));

        _h.Run();

        Assert.Equal("第一次露营🏕️ 太开心了😍", Assert.Single(_h.Lake(Feeds.Comments))["text"]);
    }

    [Fact]
    public void Ingest_TraditionalCharacters_OriginalKeptNormalisedSimplified()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", "國風真的回來了，燈芯絨")));

        _h.Run();

        var row = Assert.Single(_h.Lake(Feeds.Comments));
        Assert.Equal("國風真的回來了，燈芯絨", row["text"]);
        Assert.Contains("国风", (string)row["text_norm"]!, StringComparison.Ordinal);
        Assert.Contains("灯芯绒", (string)row["text_norm"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_UnknownSegmentValues_KeptAsUnknown()
    {
        _h.Write(Feeds.Search, "s.jsonl", IngestHarness.Lines(
            new { event_id = "s1", ts = "2026-11-10T12:00:00+08:00", query = "露营", age_band = "teen", gender = "女", city_tier = "9" },
            new { event_id = "s2", ts = "2026-11-10T12:00:00+08:00", query = "国风", age_band = "18-23", gender = "m", city_tier = "new1" }));

        var s = _h.Run();

        Assert.Equal(2, s.Accepted);
        var rows = _h.Lake(Feeds.Search, "event_id");
        Assert.Equal(["unknown", "f", "unknown"], new[] { rows[0]["age_band"], rows[0]["gender"], rows[0]["city_tier"] });
        Assert.Equal(["18-23", "m", "new1"], new[] { rows[1]["age_band"], rows[1]["gender"], rows[1]["city_tier"] });
        Assert.Equal(1L, rows[0]["count"]);
    }

    [Fact]
    public void Ingest_UnknownAction_QuarantinedAsUnknownAction()
    {
        _h.Write(Feeds.Engagement, "e.jsonl", IngestHarness.Lines(
            new { event_id = "e1", ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", action = "teleport" },
            new { event_id = "e2", ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", action = "PURCHASE", count = 2, gmv = "399.5" }));

        var s = _h.Run();

        Assert.Equal(1, s.Accepted);
        Assert.Equal("unknown_action", _h.QuarantineReason(Feeds.Engagement));
        var row = Assert.Single(_h.Lake(Feeds.Engagement));
        Assert.Equal("purchase", row["action"]);
        Assert.Equal(399.50m, row["gmv"]);
        Assert.Equal(2L, row["count"]);
    }

    [Fact]
    public void Ingest_BadNumber_QuarantinedAsBadNumber()
    {
        _h.Write(Feeds.Search, "s.jsonl", IngestHarness.Lines(
            new { event_id = "s1", ts = "2026-11-10T12:00:00+08:00", query = "露营", count = "lots" },
            new { event_id = "s2", ts = "2026-11-10T12:00:00+08:00", query = "露营", count = 0 }));

        _h.Run();

        Assert.All(_h.Quarantine(Feeds.Search), r => Assert.Equal("bad_number:count", r.Reason));
        Assert.Equal(2, _h.Quarantine(Feeds.Search).Count);
    }

    [Fact]
    public void Ingest_CsvQuotedFieldWithNewline_OneRowWithFirstLineNumber()
    {
        _h.Write(Feeds.Products, "p.csv", "product_id,ts,title,price\np-1,2026-11-10 10:00,\"复古灯芯绒外套\n男女同款\",abc\np-2,2026-11-10 10:00,露营灯,9.9\n");

        var s = _h.Run();

        Assert.Equal(2, s.RowsRead);
        var q = Assert.Single(_h.Quarantine(Feeds.Products));
        Assert.Equal(("bad_number:price", 2L), (q.Reason, q.Line));
        Assert.Equal("p-2", Assert.Single(_h.Lake(Feeds.Products))["product_id"]);
    }

    [Fact]
    public void Ingest_InvalidUtf8LineInUtf8File_QuarantinedAsInvalidEncoding()
    {
        var good = Encoding.UTF8.GetBytes(IngestHarness.Lines(Comment("c1"), Comment("c2"), Comment("c3")));
        var bad = Encoding.UTF8.GetBytes("{\"event_id\": \"c4\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"content_id\": \"n-1\", \"text\": \"露").Concat(new byte[] { 0xE9, 0x9C, (byte)'"', (byte)'}', (byte)'\n' });
        _h.WriteBytes(Feeds.Comments, "c.jsonl", [.. good, .. bad]);

        var s = _h.Run();

        Assert.Equal(3, s.Accepted);
        Assert.Equal("invalid_encoding", _h.QuarantineReason(Feeds.Comments));
    }

    [Fact]
    public void Ingest_CsvWithUnreadableHeader_RowsQuarantinedAsBadCsv()
    {
        _h.WriteBytes(Feeds.Products, "p.csv", [.. "product_id,ts,title"u8, 0xFF, .. "\np-1,2026-11-10 10:00,露营灯\n"u8]);
        _h.Write(Feeds.Products, "q.csv", "product_id,ts,title\np-2,2026-11-10 10:00,露营灯\n");

        var s = _h.Run();

        Assert.Equal((1L, 1L), (s.Accepted, s.Quarantined));
        Assert.Equal("bad_csv", _h.QuarantineReason(Feeds.Products));
    }

    [Fact]
    public void Ingest_CsvRowWithExtraColumns_QuarantinedAsColumnCount()
    {
        _h.Write(Feeds.Products, "p.csv", "product_id,ts,title\np-1,2026-11-10 10:00,露营灯,多余\n");

        _h.Run();

        Assert.Equal("column_count", _h.QuarantineReason(Feeds.Products));
    }
}
