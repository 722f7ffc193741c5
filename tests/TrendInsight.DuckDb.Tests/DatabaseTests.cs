using System.Globalization;

namespace TrendInsight.DuckDb.Tests;

public sealed class DatabaseTests
{
    [Fact]
    public void LibraryVersion_PinnedLibrary_IsOneFiveSix()
    {
        Assert.Equal("v1.5.6", DuckDbDatabase.LibraryVersion);
    }

    [Fact]
    public void Open_Config_AppliesThreadsMemoryLimitAndTempDirectory()
    {
        using var temp = new TempFolder();
        var spill = temp.File("spill");
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 1, MemoryLimit = "256MB", TempDirectory = spill });
        using var conn = db.Connect();
        Assert.Equal(1L, conn.Scalar<long>("SELECT current_setting('threads')"));
        Assert.Equal(spill, conn.Scalar<string>("SELECT current_setting('temp_directory')"));
        var limit = conn.Scalar<string>("SELECT current_setting('memory_limit')");
        Assert.Contains("MiB", limit, StringComparison.Ordinal);
        Assert.InRange(double.Parse(limit.Split(' ')[0], CultureInfo.InvariantCulture), 240, 260);
    }

    [Fact]
    public void Threads_SetOnOneConnection_HoldsForTheWholeDatabase()
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 2 });
        using var one = db.Connect();
        using var other = db.Connect();
        Assert.Equal(2L, other.Threads);

        one.Threads = 1;

        Assert.Equal(1L, other.Threads);
        Assert.Throws<ArgumentOutOfRangeException>(() => one.Threads = 0);
    }

    [Fact]
    public void Open_DefaultTimeZone_IsUtc()
    {
        using var db = DuckDbDatabase.Open(null);
        using var conn = db.Connect();
        Assert.Equal("UTC", conn.Scalar<string>("SELECT current_setting('TimeZone')"));
        Assert.Equal(new DateOnly(2026, 1, 1), conn.Scalar<DateOnly>("SELECT (TIMESTAMPTZ '2026-01-01 23:30:00+00')::DATE"));
    }

    [Fact]
    public void Open_ShanghaiTimeZone_CastsToShanghaiDate()
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { TimeZone = "Asia/Shanghai" });
        using var conn = db.Connect();
        Assert.Equal(new DateOnly(2026, 1, 2), conn.Scalar<DateOnly>("SELECT (TIMESTAMPTZ '2026-01-01 23:30:00+00')::DATE"));
    }

    [Fact]
    public void Open_UnknownTimeZone_Throws()
    {
        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(null, new DuckDbConfig { TimeZone = "Mars/Olympus" }));
        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEngine_EngineSection_MapsSettings()
    {
        var engine = new TrendInsight.Core.Config.EngineConfig { Threads = 0, MemoryLimit = "2GB", TempDirectory = "state/duckdb_tmp" };
        var config = DuckDbConfig.FromEngine(engine, new TrendInsight.Core.DataLayout("/srv/trendinsight/data"));
        Assert.Null(config.Threads);
        Assert.Equal("2GB", config.MemoryLimit);
        Assert.Equal("/srv/trendinsight/data/state/duckdb_tmp", config.TempDirectory);
        Assert.False(config.ReadOnly);
    }

    [Fact]
    public void Open_ExtraOption_IsApplied()
    {
        var config = new DuckDbConfig();
        config.Options["preserve_insertion_order"] = "false";
        using var db = DuckDbDatabase.Open(null, config);
        using var conn = db.Connect();
        Assert.False(conn.Scalar<bool>("SELECT current_setting('preserve_insertion_order')"));
    }

    [Fact]
    public void Open_UnknownOption_ThrowsNamingOption()
    {
        var config = new DuckDbConfig();
        config.Options["no_such_setting"] = "1";
        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(null, config));
        Assert.Contains(error.ErrorType, new[] { DuckDbErrorType.InvalidConfiguration, DuckDbErrorType.InvalidInput });
        Assert.Contains("no_such_setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BadMemoryLimit_ThrowsWithDuckDbMessage()
    {
        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(null, new DuckDbConfig { MemoryLimit = "lots" }));
        Assert.Contains("lots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileDatabase_KeepsDataAcrossReopen()
    {
        using var temp = new TempFolder();
        var path = temp.File("warehouse.duckdb");
        using (var db = DuckDbDatabase.Open(path))
        using (var conn = db.Connect())
        {
            conn.Execute("CREATE TABLE topics (topic VARCHAR, score DOUBLE)");
            using var appender = conn.CreateAppender("topics");
            appender.CreateRow().AppendValue("国风").AppendValue(0.9).EndRow();
            appender.CreateRow().AppendValue("🏕️ 露營").AppendValue(0.7).EndRow();
        }

        Assert.True(File.Exists(path));
        using (var db = DuckDbDatabase.Open(path))
        using (var conn = db.Connect())
        {
            Assert.Equal(path, db.Path);
            var rows = conn.Query("SELECT topic FROM topics ORDER BY score DESC", r => r.GetString(0));
            Assert.Equal(["国风", "🏕️ 露營"], rows);
        }
    }

    [Fact]
    public void Open_SameFileTwiceInProcess_SharesOneInstance()
    {
        using var temp = new TempFolder();
        var path = temp.File("shared.duckdb");
        using var first = DuckDbDatabase.Open(path);
        using var second = DuckDbDatabase.Open(path);
        using (var writer = first.Connect())
        {
            writer.Execute("CREATE TABLE shared AS SELECT '国风' AS topic");
        }

        using var reader = second.Connect();
        Assert.Equal("国风", reader.Scalar<string>("SELECT topic FROM shared"));
    }

    [Fact]
    public void Open_InMemoryTwice_GivesSeparateDatabases()
    {
        using var a = DuckDbDatabase.Open(null);
        using var b = DuckDbDatabase.Open(":memory:");
        using (var conn = a.Connect())
        {
            conn.Execute("CREATE TABLE only_in_a (x INTEGER)");
        }

        using var other = b.Connect();
        Assert.Equal(0L, other.Scalar<long>("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'only_in_a'"));
    }

    [Fact]
    public void Open_ReadOnly_ReadsButRejectsWrites()
    {
        using var temp = new TempFolder();
        var path = temp.File("readonly.duckdb");
        using (var db = DuckDbDatabase.Open(path))
        using (var conn = db.Connect())
        {
            conn.Execute("CREATE TABLE t AS SELECT 1 AS x");
        }

        using var readOnly = DuckDbDatabase.Open(path, new DuckDbConfig { ReadOnly = true });
        using var reader = readOnly.Connect();
        Assert.Equal(1, reader.Scalar<int>("SELECT x FROM t"));
        var error = Assert.Throws<DuckDbException>(() => reader.Execute("INSERT INTO t VALUES (2)"));
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ReadOnlyMissingFile_Throws()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(temp.File("absent.duckdb"), new DuckDbConfig { ReadOnly = true }));
        Assert.Equal(DuckDbErrorType.IO, error.ErrorType);
    }

    [Fact]
    public void Open_NotADatabaseFile_ThrowsIO()
    {
        using var temp = new TempFolder();
        var path = temp.File("notes.duckdb");
        File.WriteAllText(path, "这不是数据库文件 — just text, long enough to hold a header and then some more bytes.");
        var error = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(path));
        Assert.Equal(DuckDbErrorType.IO, error.ErrorType);
    }

    [Fact]
    public void OpenClose_TwoHundredTimes_DoesNotCrashOrGrow()
    {
        using var temp = new TempFolder();
        var path = temp.File("loop.duckdb");
        void Cycle(int i)
        {
            // Every tenth cycle uses a file (closing one checkpoints and syncs it, which is slow); the rest in memory.
            using var db = DuckDbDatabase.Open(i % 10 == 0 ? path : null, new DuckDbConfig { Threads = 1 });
            using var conn = db.Connect();
            conn.Execute("CREATE TABLE IF NOT EXISTS t (s VARCHAR)");
            using (var appender = conn.CreateAppender("t"))
            {
                appender.CreateRow().AppendValue("一个比十二字节更长的字符串").EndRow();
            }

            Assert.True(conn.Scalar<long>("SELECT count(*) FROM t WHERE s <> $s", ("s", "x")) >= 1);
            using var reader = conn.ExecuteReader("SELECT * FROM range(3000)");
            reader.Read();
        }

        for (var i = 0; i < 10; i++)
        {
            Cycle(i);
        }

        var before = ResidentMb();
        for (var i = 0; i < 200; i++)
        {
            Cycle(i);
        }

        var after = ResidentMb();

        // A leak of a database per iteration would be tens of MB per cycle; allow generous slack for allocator noise.
        Assert.True(after - before < 300, $"resident memory grew from {before:F0} MB to {after:F0} MB over 200 open/close cycles");
    }

    [Fact]
    public void Connect_SeveralThreadsEachWithOwnConnection_SeeAllRows()
    {
        using var db = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 2 });
        using (var setup = db.Connect())
        {
            setup.Execute("CREATE TABLE events (worker INTEGER, n BIGINT, text VARCHAR)");
        }

        const int Workers = 4;
        const int Rows = 5000;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var counts = new long[Workers];
        var threads = Enumerable.Range(0, Workers).Select(w => new Thread(() =>
        {
            try
            {
                using var conn = db.Connect();
                using (var appender = conn.CreateAppender("events"))
                {
                    for (var i = 0; i < Rows; i++)
                    {
                        appender.CreateRow().AppendValue(w).AppendValue((long)i).AppendValue("线程写入的评论 " + i.ToString(CultureInfo.InvariantCulture)).EndRow();
                    }
                }

                counts[w] = conn.Scalar<long>("SELECT count(*) FROM events WHERE worker = $worker", ("worker", w));
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failures);
        Assert.All(counts, c => Assert.Equal((long)Rows, c));

        using var check = db.Connect();
        Assert.Equal((long)(Workers * Rows), check.Scalar<long>("SELECT count(*) FROM events"));
        Assert.Equal((long)Workers, check.Scalar<long>("SELECT count(DISTINCT worker) FROM events"));
    }

    [Fact]
    public void Dispose_DatabaseBeforeConnection_ConnectionStillWorks()
    {
        var db = DuckDbDatabase.Open(null);
        using var conn = db.Connect();
        db.Dispose();
        Assert.Equal(1, conn.Scalar<int>("SELECT 1"));
        Assert.Throws<ObjectDisposedException>(() => db.Connect());
    }

    private static double ResidentMb()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return 0;
    }
}
