using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace TrendInsight.EndToEnd.Tests;

public sealed class SqlCommandTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("ti-e2e-sql-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact]
    public void Sql_SelectAnswer_PrintsFortyTwoInATable()
    {
        var result = CliProcess.Run(null, "--data", data, "sql", "select 42 as answer");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("answer", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("42", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_CountTenMillionCsv_PrintsHeaderAndCount()
    {
        var result = CliProcess.Run(null, "--data", data, "sql", "select count(*) from range(10000000)", "--format", "csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["count_star()", "10000000"], result.Stdout.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Sql_JsonWithChineseListAndNull_KeepsTypesAndText()
    {
        var result = CliProcess.Run(null, "--data", data, "sql",
            "select '国风 🏮' as term, ['露营', '帐篷'] as related, 3.25::decimal(10,2) as gmv, null::integer as missing, date '2026-11-21' as dt",
            "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = JsonDocument.Parse(result.Stdout).RootElement[0];
        Assert.Equal("国风 🏮", row.GetProperty("term").GetString());
        Assert.Equal(["露营", "帐篷"], row.GetProperty("related").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3.25m, row.GetProperty("gmv").GetDecimal());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("missing").ValueKind);
        Assert.Equal("2026-11-21", row.GetProperty("dt").GetString());
    }

    private const string ArrowQuery =
        "select '国风 🏮' as term, i::BIGINT as mentions, i * 1.5 as score, date '2026-11-21' + i::INTEGER as dt from range(5000) t(i)";

    [Fact]
    public void Sql_FormatArrowOutArrowFile_ReadsBackWithArrowFileReader()
    {
        var path = Path.Combine(data, "trends.arrow");
        var result = CliProcess.Run(null, "--data", data, "sql", ArrowQuery, "--format", "arrow", "--out", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var stream = File.OpenRead(path);
        using var reader = new ArrowFileReader(stream);
        AssertTrends(reader.Schema, ReadAll(() => reader.ReadNextRecordBatch()));
    }

    [Fact]
    public void Sql_FormatArrowOutOtherName_WritesTheStreamFormat()
    {
        var path = Path.Combine(data, "trends.arrows");
        var result = CliProcess.Run(null, "--data", data, "sql", ArrowQuery, "--format", "arrow", "--out", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var stream = File.OpenRead(path);
        using var reader = new ArrowStreamReader(stream);
        AssertTrends(reader.Schema, ReadAll(() => reader.ReadNextRecordBatch()));
    }

    private static List<RecordBatch> ReadAll(Func<RecordBatch?> next)
    {
        var batches = new List<RecordBatch>();
        while (next() is { } batch)
        {
            batches.Add(batch);
        }

        return batches;
    }

    private static void AssertTrends(Schema schema, List<RecordBatch> batches)
    {
        Assert.Equal(["term", "mentions", "score", "dt"], schema.FieldsList.Select(f => f.Name));
        Assert.Equal(5000, batches.Sum(b => b.Length));
        var first = batches[0];
        Assert.Equal("国风 🏮", ((StringArray)first.Column("term")).GetString(0));
        Assert.Equal(3L, ((Int64Array)first.Column("mentions")).GetValue(3));
        Assert.Equal(new DateOnly(2026, 11, 24), ((Date32Array)first.Column("dt")).GetDateOnly(3));
        Assert.Equal(Enumerable.Range(0, 5000).Sum(i => (long)i), batches.Sum(b => ((Int64Array)b.Column("mentions")).Values.ToArray().Sum()));
    }

    [Fact]
    public void Sql_TableOutToFile_WritesThePlainTableIntoTheFileNotTheTerminal()
    {
        var path = Path.Combine(data, "terms.txt");

        var result = CliProcess.Run(null, "--data", data, "sql", "select '国风 🏮' as term, 1234 as mentions", "--out", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("国风", result.Stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(path);
        Assert.Equal("term     mentions", lines[0]);
        Assert.Equal("国风 🏮      1234", lines[2]);
        Assert.Equal("1 row", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Contains('\u001b', StringComparison.Ordinal));
    }

    [Fact]
    public void Sql_GlobalCsvOutToFile_IsCsvWithoutARowCount()
    {
        var path = Path.Combine(data, "ids.csv");

        var result = CliProcess.Run(null, "--data", data, "--csv", "sql", "select * from range(3) t(id)", "--out", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["id", "0", "1", "2"], File.ReadAllLines(path).Where(l => l.Length > 0));
    }

    [Fact]
    public void Sql_StatementWithoutResult_TableSaysDoneJsonStaysJson()
    {
        var table = CliProcess.Run(null, "--data", data, "sql", "create table notes as select 1 as id", "--write");
        var json = CliProcess.Run(null, "--data", data, "sql", "create or replace table notes as select 2 as id", "--write", "--format", "json");

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Equal("done", table.Stdout.Trim());
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(json.Stdout).RootElement.ValueKind);
    }

    [Fact]
    public void Sql_CsvWithCommaAndQuote_QuotesTheField()
    {
        var result = CliProcess.Run(null, "--data", data, "sql", "select 'a,\"b\"' as t", "--format", "csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("\"a,\"\"b\"\"\"", result.Stdout.TrimEnd().Split('\n')[1]);
    }

    [Fact]
    public void Sql_SyntaxError_ExitsNonZeroWithDuckDbsMessageAndNoStackTrace()
    {
        var result = CliProcess.Run(null, "--data", data, "sql", "selec 1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("syntax error", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_MissingParquetFile_NamesTheFile()
    {
        var result = CliProcess.Run(null, "--data", data, "sql", "select * from read_parquet('/nonexistent/feed.parquet')");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("/nonexistent/feed.parquet", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_ReadOnlyWarehouse_RefusesWritesUnlessAskedTo()
    {
        var created = CliProcess.Run(null, "--data", data, "sql", "create table notes as select 1 as id", "--write");
        Assert.True(created.ExitCode == 0, created.ToString());

        var refused = CliProcess.Run(null, "--data", data, "sql", "insert into notes values (2)");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("read-only", refused.Stderr, StringComparison.OrdinalIgnoreCase);

        var count = CliProcess.Run(null, "--data", data, "sql", "select count(*) as n from notes", "--format", "csv");
        Assert.Equal("1", count.Stdout.TrimEnd().Split('\n')[1]);
    }

    [Fact]
    public void Version_PrintsOwnDuckDbsAndTheNamedPackagesVersions()
    {
        var result = CliProcess.Run(null, "version");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"trendinsight \d+\.\d+\.\d+", result.Stdout);
        Assert.Contains("duckdb v1.5.6", result.Stdout, StringComparison.Ordinal);
        foreach (var package in new[] { "DuckDB.NET.Data.Full 1.5.6.1", "Apache.Arrow 23.0.0", "Parquet.Net 6.1.0", "jieba.NET 0.42.2", "Quartz 4.7.3" })
        {
            Assert.Contains(package, result.Stdout, StringComparison.Ordinal);
        }
    }
}
