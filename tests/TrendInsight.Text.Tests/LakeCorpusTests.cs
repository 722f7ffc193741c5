using TrendInsight.Core;
using TrendInsight.DuckDb;

namespace TrendInsight.Text.Tests;

public sealed class LakeCorpusTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lake-corpus-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Read_CommentsAndTitlesSinceDate_OnlyThoseDays()
    {
        var layout = new DataLayout(_root);
        using (var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1 }))
        using (var conn = db.Connect())
        {
            conn.Execute("""
                CREATE TABLE comments (event_id VARCHAR, text VARCHAR, text_norm VARCHAR, dt DATE);
                CREATE TABLE products (product_id VARCHAR, title VARCHAR, title_norm VARCHAR, dt DATE);
                """);
            using (var appender = conn.CreateAppender("comments"))
            {
                appender.CreateRow().AppendValue("e1").AppendValue("多巴胺穿搭絕了😍").AppendValue("多巴胺穿搭绝了😍").AppendValue(new DateOnly(2026, 5, 1)).EndRow();
                appender.CreateRow().AppendValue("e2").AppendValue("<br>美拉德").AppendValue("<br>美拉德").AppendValue(new DateOnly(2026, 5, 3)).EndRow();
                appender.CreateRow().AppendValue("e3").AppendValue("空").AppendNullValue().AppendValue(new DateOnly(2026, 5, 3)).EndRow();
            }

            using (var appender = conn.CreateAppender("products"))
            {
                appender.CreateRow().AppendValue("p1").AppendValue("新中式馬面裙").AppendValue("新中式马面裙").AppendValue(new DateOnly(2026, 5, 4)).EndRow();
            }

            Directory.CreateDirectory(layout.Raw);
            conn.Execute("COPY comments TO $folder (FORMAT parquet, PARTITION_BY (dt))", ("folder", layout.RawFeed("comments")));
            conn.Execute("COPY products TO $folder (FORMAT parquet, PARTITION_BY (dt))", ("folder", layout.RawFeed("products")));
        }

        // The lake is read through the committed list that ingest publishes; a file not on it is not read.
        var committed = Directory.EnumerateFiles(layout.Raw, "*.parquet", SearchOption.AllDirectories).Select(f =>
        {
            BusinessCalendar.TryParsePartition(Path.GetFileName(Path.GetDirectoryName(f)), out var dt);
            return new CommittedFile(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f)))!, dt, Path.GetRelativePath(layout.Root, f), 0, null, null, "test");
        }).ToList();
        CommittedLake.Of(committed).Publish(layout);
        var day3 = Path.Combine(layout.Root, committed.Single(c => c.Feed == "comments" && c.Dt == new DateOnly(2026, 5, 3)).Path);
        File.Copy(day3, Path.Combine(Path.GetDirectoryName(day3)!, "part-zzz.parquet"));

        var (lines, perFeed) = LakeCorpus.Read(layout, new DateOnly(2026, 5, 2));

        Assert.Equal(["<br>美拉德", "新中式马面裙"], lines.Order(StringComparer.Ordinal));
        Assert.Equal(1, perFeed["comments"]);
        Assert.Equal(1, perFeed["products"]);
        Assert.False(perFeed.ContainsKey("search"));
    }

    [Fact]
    public void Read_EmptyLake_NoLines()
    {
        var (lines, perFeed) = LakeCorpus.Read(new DataLayout(_root), new DateOnly(2026, 1, 1));
        Assert.Empty(lines);
        Assert.Empty(perFeed);
    }
}
