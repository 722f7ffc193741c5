using System.IO.Compression;
using System.Text;
using TrendInsight.Core;
using TrendInsight.Core.Pipeline;

namespace TrendInsight.Ingest.Tests;

/// <summary>
/// No landing input stops a run: each fault becomes a quarantined row or a rejected file with a reason, the
/// other files and feeds go on, and every row is accounted for (read = accepted + quarantined + duplicates).
/// </summary>
public sealed class InputFaultTests : IDisposable
{
    private readonly IngestHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static object Comment(string id, string text = "露营真好", string ts = "2026-11-10T12:00:00+08:00") =>
        new { event_id = id, ts, content_id = "n-1", text };

    private static readonly string GoodComments = IngestHarness.Lines(Comment("c1", "国风汉服 秋冬款"), Comment("c2", "第一次露营 天幕好用"));

    private static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(bytes);
        }

        return ms.ToArray();
    }

    /// <summary>The lake hash of the comments that <paramref name="landing"/> gives in a data folder of their own.</summary>
    private static string CleanHash(string feed, params (string Name, string Text)[] landing)
    {
        using var clean = new IngestHarness();
        foreach (var (name, text) in landing)
        {
            clean.Write(feed, name, text);
        }

        clean.Run();
        return clean.LakeHash(feed);
    }

    [Fact]
    public void Ingest_PlainJsonlNamedGz_ReadAsText()
    {
        _h.Write(Feeds.Comments, "c.jsonl.gz", GoodComments);

        var s = _h.Run();

        Assert.Equal((2L, 2L, 0), (s.RowsRead, s.Accepted, s.FilesRejected));
        Assert.Empty(_h.Quarantine(Feeds.Comments));
        Assert.Equal(CleanHash(Feeds.Comments, ("c.jsonl", GoodComments)), _h.LakeHash(Feeds.Comments));
    }

    [Fact]
    public void Ingest_GzipNamedJsonl_ReadDecompressed()
    {
        _h.WriteBytes(Feeds.Comments, "c.jsonl", Gzip(Encoding.UTF8.GetBytes(GoodComments)));

        var s = _h.Run();

        Assert.Equal((2L, 2L), (s.RowsRead, s.Accepted));
    }

    [Fact]
    public void Ingest_RandomBytesNamedGz_FileRejectedAsNotGzipOthersIngested()
    {
        var noise = new byte[50_000];
        new Random(15).NextBytes(noise);
        noise[0] = 0x42;
        _h.WriteBytes(Feeds.Comments, "a-noise.jsonl.gz", noise);
        _h.Write(Feeds.Comments, "b.jsonl", GoodComments);
        _h.Write(Feeds.Search, "s.jsonl", IngestHarness.Lines(new { event_id = "s1", ts = "2026-11-10T12:00:00+08:00", query = "露营椅" }));

        var s = _h.Run();

        Assert.Equal((3L, 3L, 0L, 1), (s.RowsRead, s.Accepted, s.Quarantined, s.FilesRejected));
        Assert.True(s.AnythingRejected);
        var rejected = Assert.Single(_h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Comments).RejectedFiles);
        Assert.Equal(("a-noise.jsonl.gz", "not_gzip"), (rejected.File, rejected.Reason));
        Assert.Contains("gzip", rejected.Detail, StringComparison.Ordinal);
        Assert.Equal(CleanHash(Feeds.Comments, ("b.jsonl", GoodComments)), _h.LakeHash(Feeds.Comments));

        // Not read again while it is unchanged; a redelivery of the bytes under the same name is not "ingested with 0 rows".
        var again = _h.Run();
        Assert.Equal((0L, 0), (again.RowsRead, again.FilesRejected));
    }

    [Fact]
    public void Ingest_BinaryFileNamedJsonl_FileRejectedAsNotText()
    {
        var noise = new byte[20_000];
        new Random(7).NextBytes(noise);
        noise[0] = 0x00;
        _h.WriteBytes(Feeds.Comments, "x.jsonl", noise);

        var s = _h.Run();

        Assert.Equal((0L, 1), (s.RowsRead, s.FilesRejected));
        Assert.Equal("not_text", Assert.Single(_h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Comments).RejectedFiles).Reason);
    }

    [Fact]
    public void Ingest_Utf16Csv_FileRejectedAsNotTextSayingUtf16()
    {
        _h.Write(Feeds.Products, "p.csv", "\uFEFFproduct_id,ts,title\np-1,2026-11-10 10:00,露营灯\n", Encoding.Unicode);

        var s = _h.Run();

        Assert.Equal((0L, 1), (s.RowsRead, s.FilesRejected));
        var rejected = Assert.Single(_h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Products).RejectedFiles);
        Assert.Equal("not_text", rejected.Reason);
        Assert.Contains("UTF-16", rejected.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("２０２６-11-10T12:00:00+08:00")]
    [InlineData("2026-11-10T12:00:00+0٨:00")]
    [InlineData("٢٠٢٦-١١-١٠T١٢:٠٠:٠٠+٠٨:٠٠")]
    [InlineData("２０２６－１１－１０Ｔ１２：００：００＋０８：００")]
    public void Ingest_NonAsciiDigitsInTimestamp_FoldedAndAccepted(string ts)
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", ts: ts)));
        _h.Write(Feeds.Products, "p.csv", $"product_id,ts,title,price,sales\np-1,{ts},复古灯芯绒外套,￥１２９．００,１２\n");

        var s = _h.Run();

        Assert.Equal((2L, 2L), (s.RowsRead, s.Accepted));
        Assert.Equal(CleanHash(Feeds.Comments, ("c.jsonl", IngestHarness.Lines(Comment("c1", ts: "2026-11-10T12:00:00+08:00")))), _h.LakeHash(Feeds.Comments));
        var product = Assert.Single(_h.Lake(Feeds.Products));
        Assert.Equal((129.00m, 12L), ((decimal)product["price"]!, (long)product["sales"]!));
        Assert.Equal(new DateTimeOffset(2026, 11, 10, 4, 0, 0, TimeSpan.Zero), ((DateTimeOffset)product["ts"]!).ToUniversalTime());
    }

    [Theory]
    [InlineData("0000-01-01T00:00:00")]
    [InlineData("0001-01-01T00:00:00+08:00")]
    [InlineData("9999-12-31T23:00:00-05:00")]
    [InlineData("2026-11-10T12:00:00+14:30")]
    [InlineData("２０２６-1１-4０")]
    public void Ingest_TimestampAtTheEdgeOfTheCalendar_QuarantinedAsBadTimestampWithDetail(string ts)
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", ts: ts), Comment("c2")));
        _h.Write(Feeds.Comments, "d.csv", $"event_id,ts,content_id,text\nc3,{ts},n-1,露营\n");

        var s = _h.Run();

        Assert.Equal((3L, 1L, 2L), (s.RowsRead, s.Accepted, s.Quarantined));
        var records = _h.QuarantineRecords(Feeds.Comments);
        Assert.All(records, r => Assert.Equal("bad_timestamp", r.GetProperty("reason").GetString()));
        Assert.All(records, r => Assert.StartsWith("expected ISO-8601", r.GetProperty("detail").GetString(), StringComparison.Ordinal));
        Assert.All(records, r => Assert.EndsWith($"got '{ts}'", r.GetProperty("detail").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_NonAsciiDigitsInCounts_FoldedOrBadNumber()
    {
        _h.Write(Feeds.Engagement, "e.jsonl", IngestHarness.Lines(
            new { event_id = "e1", ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", action = "purchase", count = "３", gmv = "￥２９９．５" },
            new { event_id = "e2", ts = "2026-11-10T12:00:00+08:00", content_id = "n-1", action = "like", count = "三" }));

        var s = _h.Run();

        Assert.Equal((2L, 1L), (s.RowsRead, s.Accepted));
        var row = Assert.Single(_h.Lake(Feeds.Engagement));
        Assert.Equal((3L, 299.50m), ((long)row["count"]!, (decimal)row["gmv"]!));
        Assert.Equal("bad_number:count", _h.QuarantineReason(Feeds.Engagement));
    }

    [Fact]
    public void Ingest_GzipExpandingToOneHugeLine_QuarantinedAsLineTooLongWithExcerpt()
    {
        // 24 MB of one comment line in a gzip of a few hundred KB; the rows around it are read as usual.
        var huge = "{\"event_id\": \"c-huge\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"content_id\": \"n-1\", \"text\": \"" + new string('露', 8_000_000) + "\"}";
        var text = IngestHarness.Lines(Comment("c1"), huge, Comment("c2"));
        var gz = Gzip(Encoding.UTF8.GetBytes(text));
        Assert.True(gz.Length < 400_000, $"gzip of {gz.Length} bytes");
        _h.WriteBytes(Feeds.Comments, "c.jsonl.gz", gz);

        var s = _h.Run();

        Assert.Equal((3L, 2L, 1L), (s.RowsRead, s.Accepted, s.Quarantined));
        var q = Assert.Single(_h.QuarantineRecords(Feeds.Comments));
        Assert.Equal("line_too_long", q.GetProperty("reason").GetString());
        Assert.Equal(2L, q.GetProperty("line").GetInt64());
        Assert.StartsWith("{\"event_id\": \"c-huge\"", q.GetProperty("raw").GetString(), StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(q.GetProperty("raw").GetString()!) <= 4100);
        Assert.Contains("24,000,", q.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_LongLastLineWithoutLineBreak_QuarantinedAsLineTooLong()
    {
        _h.Config.Ingest.MaxLineBytes = 4096;
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1")) + IngestHarness.Lines(Comment("c2", new string('营', 3000))).TrimEnd('\n'));

        var s = _h.Run();

        Assert.Equal((2L, 1L), (s.RowsRead, s.Accepted));
        Assert.Equal("line_too_long", _h.QuarantineReason(Feeds.Comments));
    }

    [Fact]
    public void Ingest_CsvQuoteNeverClosed_RecordCutAtTheLimitLaterRowsRead()
    {
        _h.Config.Ingest.MaxLineBytes = 4096;
        var rows = string.Concat(Enumerable.Range(0, 400).Select(i => $"p-{i},2026-11-10 10:00,露营灯 第{i}款\n"));
        _h.Write(Feeds.Products, "p.csv", "product_id,ts,title\np-x,2026-11-10 10:00,\"复古外套\n" + rows);

        var s = _h.Run();

        HarnessIdentity(s);
        var q = _h.Quarantine(Feeds.Products);
        Assert.Equal(("line_too_long", 2L), (q[0].Reason, q[0].Line));
        Assert.True(s.Accepted > 250, $"accepted {s.Accepted}");
    }

    private static void HarnessIdentity(IngestSummary s) => Assert.Equal(s.RowsRead, s.Accepted + s.Quarantined + s.Duplicates);

    [Fact]
    public void Ingest_FileVanishesBeforeItsTurn_RejectedAsVanishedOtherFilesAndFeedsGoOn()
    {
        _h.Write(Feeds.Comments, "a.jsonl", GoodComments);
        var doomed = _h.Write(Feeds.Comments, "b.jsonl", IngestHarness.Lines(Comment("c9")));
        _h.Write(Feeds.Search, "s.jsonl", IngestHarness.Lines(new { event_id = "s1", ts = "2026-11-10T12:00:00+08:00", query = "露营椅" }));

        var s = _h.Run(open: path =>
        {
            if (path == doomed)
            {
                File.Delete(path);
            }

            return Reading.FileProbe.Open(path);
        });

        Assert.Equal((3L, 3L, 1), (s.RowsRead, s.Accepted, s.FilesRejected));
        Assert.Equal("vanished", Assert.Single(_h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Comments).RejectedFiles).Reason);
        Assert.Equal(CleanHash(Feeds.Comments, ("a.jsonl", GoodComments)), _h.LakeHash(Feeds.Comments));
    }

    [Fact]
    public void Ingest_FileCannotBeOpened_RejectedAsUnreadableAndReadOnceItCanBe()
    {
        _h.Write(Feeds.Comments, "a.jsonl", GoodComments);
        var locked = _h.Write(Feeds.Comments, "b.jsonl", IngestHarness.Lines(Comment("c9")));

        var s = _h.Run(open: path => path == locked ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.") : Reading.FileProbe.Open(path));

        Assert.Equal((2L, 1), (s.RowsRead, s.FilesRejected));
        var rejected = Assert.Single(_h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Comments).RejectedFiles);
        Assert.Equal(("b.jsonl", "unreadable"), (rejected.File, rejected.Reason));

        var later = _h.Run();
        Assert.Equal((1L, 1L, 0), (later.RowsRead, later.Accepted, later.FilesRejected));
    }

    [Fact]
    public async Task Ingest_FifoInLanding_RejectedAsUnreadableNotWaitedOn()
    {
        _h.Write(Feeds.Comments, "a.jsonl", GoodComments);
        var fifo = Path.Combine(_h.Layout.LandingFeed(Feeds.Comments), "b.jsonl");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var run = Task.Run(() => _h.Run());
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(5))) != run)
        {
            // Unblock the reader so the test run can end.
            await using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            Assert.Fail("ingest waited on a FIFO");
        }

        var s = await run;
        Assert.Equal((2L, 2L, 1), (s.RowsRead, s.Accepted, s.FilesRejected));
        var rejected = Assert.Single(_h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Comments).RejectedFiles);
        Assert.Equal(("b.jsonl", "unreadable"), (rejected.File, rejected.Reason));
        Assert.Contains("not a regular file", rejected.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_ReadFailsHalfWay_FileRejectedNothingOfItKeptThenReadWhole()
    {
        _h.Write(Feeds.Comments, "a.jsonl", GoodComments);
        var rows = Enumerable.Range(0, 5000).Select(i => i % 1000 == 0 ? "{\"event_id\": \"bad" + i : IngestHarness.Lines(Comment($"b{i}", $"第{i}条 露营")).TrimEnd('\n')).ToArray();
        var flaky = _h.Write(Feeds.Comments, "b.jsonl", string.Join('\n', rows) + "\n");
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c9", "复古穿搭")));
        var opens = 0;

        var s = _h.Run(open: path =>
        {
            var stream = Reading.FileProbe.Open(path);
            return path == flaky && ++opens == 2 ? new FailingStream(stream, failAfter: 200_000) : stream;
        });

        Assert.Equal((3L, 3L, 0L, 1), (s.RowsRead, s.Accepted, s.Quarantined, s.FilesRejected));
        Assert.Equal("unreadable", Assert.Single(_h.Last!.LastFeeds.Single(f => f.Feed == Feeds.Comments).RejectedFiles).Reason);
        Assert.Empty(_h.Quarantine(Feeds.Comments));
        Assert.Equal(CleanHash(Feeds.Comments, ("a.jsonl", GoodComments), ("c.jsonl", IngestHarness.Lines(Comment("c9", "复古穿搭")))), _h.LakeHash(Feeds.Comments));
        Assert.Equal(["a.jsonl", "c.jsonl"], _h.Lake(Feeds.Comments).Select(r => (string)r["source_file"]!).Distinct().Order());

        var later = _h.Run();
        Assert.Equal((5000L, 4995L, 5L), (later.RowsRead, later.Accepted, later.Quarantined));
    }

    [Fact]
    public void Ingest_LoneCarriageReturns_EachEndsALine()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1"), Comment("c2"), Comment("c3")).Replace("\n", "\r", StringComparison.Ordinal));

        var s = _h.Run();

        Assert.Equal((3L, 3L), (s.RowsRead, s.Accepted));
    }

    [Fact]
    public void Ingest_CarriageReturnInsideQuotedCsvField_Kept()
    {
        _h.Write(Feeds.Products, "p.csv", "product_id,ts,title\rp-1,2026-11-10 10:00,\"复古外套\r男女同款\"\rp-2,2026-11-10 10:00,\"露营灯\r\n可充电\"\r\n");

        var s = _h.Run();

        Assert.Equal((2L, 2L), (s.RowsRead, s.Accepted));
        var rows = _h.Lake(Feeds.Products, "product_id");
        Assert.Equal("复古外套\r男女同款", rows[0]["title"]);
        Assert.Equal("露营灯\r\n可充电", rows[1]["title"]);
    }

    [Fact]
    public void Ingest_OneGbkLineThatIsValidUtf8_QuarantinedAsInvalidEncoding()
    {
        // 露营 in GBK is C2 B6 D3 AA: valid UTF-8 too ("¶Ӫ").
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbkLine = Encoding.GetEncoding("GBK").GetBytes("{\"event_id\": \"g1\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"content_id\": \"n-1\", \"text\": \"露营\"}\n");
        var ascii = Encoding.UTF8.GetBytes(IngestHarness.Lines(Comment("a1", "camping"), Comment("a2", "tent")));
        _h.WriteBytes(Feeds.Comments, "a.jsonl", [.. ascii, .. gbkLine]);
        _h.WriteBytes(Feeds.Comments, "b.jsonl", [.. Encoding.UTF8.GetBytes(GoodComments), .. gbkLine]);

        var s = _h.Run();

        Assert.Equal((6L, 4L, 2L), (s.RowsRead, s.Accepted, s.Quarantined));
        var q = _h.QuarantineRecords(Feeds.Comments);
        Assert.All(q, r => Assert.Equal("invalid_encoding", r.GetProperty("reason").GetString()));
        Assert.All(q, r => Assert.Contains("露营", r.GetProperty("detail").GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain(_h.Lake(Feeds.Comments), r => ((string)r["text"]!).Contains('¶', StringComparison.Ordinal));
    }

    [Fact]
    public void Ingest_LatinAndCyrillicText_NotTakenForGbk()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(Comment("c1", "Pokémon café"), Comment("c2", "Привет, отличная палатка"), Comment("c3", "Straße · süß")));

        var s = _h.Run();

        Assert.Equal((3L, 3L), (s.RowsRead, s.Accepted));
    }

    [Fact]
    public void Ingest_DuplicateKeys_QuarantinedAsDuplicateKey()
    {
        _h.Write(Feeds.Comments, "c.jsonl", IngestHarness.Lines(
            "{\"event_id\": \"c1\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"content_id\": \"n-1\", \"text\": \"好评\", \"text\": \"差评\"}",
            "{\"event_id\": \"c2\", \"ts\": \"2026-11-10T12:00:00+08:00\", \"content_id\": \"n-1\", \"text\": \"好评\", \"extra\": 1, \"extra\": 2}"));
        _h.Write(Feeds.Products, "p.csv", "product_id,ts,title,Title\np-1,2026-11-10 10:00,露营灯,复古灯\n");

        var s = _h.Run();

        Assert.Equal((3L, 1L, 2L), (s.RowsRead, s.Accepted, s.Quarantined));
        Assert.Equal("duplicate_key:text", _h.QuarantineReason(Feeds.Comments));
        Assert.Equal("duplicate_key:title", _h.QuarantineReason(Feeds.Products));
    }

    [Fact]
    public void Ingest_OverlongOrControlCharacterIds_QuarantinedWithTheField()
    {
        _h.Write(Feeds.Search, "s.jsonl", IngestHarness.Lines(
            new { event_id = "s1", ts = "2026-11-10T12:00:00+08:00", query = "露营", user_id = new string('u', 1_000_000) },
            new { event_id = new string('e', 257), ts = "2026-11-10T12:00:00+08:00", query = "露营" },
            new { event_id = "s\n3", ts = "2026-11-10T12:00:00+08:00", query = "露营" },
            new { event_id = "s4", ts = "2026-11-10T12:00:00+08:00", query = "露营", user_id = new string('u', 256) }));
        _h.Write(Feeds.Products, "p.jsonl", IngestHarness.Lines(new { product_id = "p-1", ts = "2026-11-10T12:00:00+08:00", title = "露营灯", shop_id = new string('店', 100) }));

        var s = _h.Run();

        Assert.Equal((5L, 1L, 4L), (s.RowsRead, s.Accepted, s.Quarantined));
        Assert.Equal(["bad_id:event_id", "id_too_long:event_id", "id_too_long:user_id"], _h.Quarantine(Feeds.Search).Select(q => q.Reason).Order(StringComparer.Ordinal));
        Assert.Equal("id_too_long:shop_id", _h.QuarantineReason(Feeds.Products));
        Assert.Contains(_h.QuarantineRecords(Feeds.Search), r => r.GetProperty("detail").GetString() == "expected user_id of at most ingest.max_id_bytes bytes; got 1,000,000 bytes");
    }

    [Fact]
    public void Ingest_FileRewrittenInPlace_SameBadRowsNotQuarantinedAgain()
    {
        var first = IngestHarness.Lines(Comment("c1"), Comment("c2", ts: "yesterday"), "{broken");
        var path = _h.Write(Feeds.Comments, "c.jsonl", first);
        var s1 = _h.Run();
        Assert.Equal((3L, 1L, 2L), (s1.RowsRead, s1.Accepted, s1.Quarantined));

        File.WriteAllText(path, first + IngestHarness.Lines(Comment("c3", "新的一条")));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var s2 = _h.Run();

        Assert.Equal((4L, 1L, 0L, 3L), (s2.RowsRead, s2.Accepted, s2.Quarantined, s2.Duplicates));
        Assert.Equal(2, _h.Quarantine(Feeds.Comments).Count);
        Assert.False(s2.AnythingRejected);
    }

    /// <summary>A stream whose reads fail with an I/O error once <c>failAfter</c> bytes have been read (a disk or network share going away).</summary>
    private sealed class FailingStream(Stream inner, long failAfter) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= failAfter)
            {
                throw new IOException("Input/output error");
            }

            var n = inner.Read(buffer, offset, count);
            _read += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
