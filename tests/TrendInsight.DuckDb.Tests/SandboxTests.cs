using DuckDB.NET.Data;
namespace TrendInsight.DuckDb.Tests;

public sealed class SandboxTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _inside;
    private readonly DuckDbDatabase _db;
    private readonly DuckDBConnection _conn;

    public SandboxTests()
    {
        _inside = Directory.CreateDirectory(_temp.File("data")).FullName;
        Directory.CreateDirectory(_temp.File("data-old"));
        using (var open = DuckDbDatabase.Open(null))
        using (var setup = open.Connect())
        {
            setup.Execute($"COPY (SELECT '国风' AS term, 3 AS n) TO {DuckDbSql.Literal(Path.Combine(_inside, "terms.parquet"))}");
            setup.Execute($"COPY (SELECT '露营' AS term) TO {DuckDbSql.Literal(_temp.File("data-old/terms.parquet"))}");
        }

        _db = DuckDbDatabase.Open(null, new DuckDbConfig { AllowedDirectories = [_inside], LockConfiguration = true });
        _conn = _db.Connect();
    }

    public void Dispose()
    {
        _conn.Dispose();
        _db.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Open_AllowedDirectories_ReadsInsideOnly()
    {
        Assert.Equal("国风", _conn.Scalar<string>($"SELECT term FROM read_parquet({DuckDbSql.Literal(_inside + "/*.parquet")})"));

        var sibling = Assert.Throws<DuckDbException>(() => _conn.Scalar<string>($"SELECT term FROM read_parquet({DuckDbSql.Literal(_temp.File("data-old/terms.parquet"))})"));
        Assert.Contains("disabled by configuration", sibling.Message, StringComparison.Ordinal);
        var passwd = Assert.Throws<DuckDbException>(() => _conn.Scalar<long>("SELECT count(*) FROM read_csv('/etc/passwd')"));
        Assert.Contains("/etc/passwd", passwd.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AllowedDirectories_ExtensionsNeitherInstalledNorLoaded()
    {
        Assert.False(_conn.Scalar<bool>("SELECT current_setting('autoinstall_known_extensions')"));
        Assert.False(_conn.Scalar<bool>("SELECT current_setting('autoload_known_extensions')"));
        Assert.False(_conn.Scalar<bool>("SELECT current_setting('allow_community_extensions')"));

        var install = Assert.Throws<DuckDbException>(() => _conn.Execute("INSTALL httpfs"));
        Assert.Contains("disabled by configuration", install.Message, StringComparison.Ordinal);
        var http = Assert.Throws<DuckDbException>(() => _conn.Execute("SELECT * FROM read_parquet('https://example.com/trends.parquet')"));
        Assert.Contains("disabled by configuration", http.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SET enable_external_access = true")]
    [InlineData("SET allowed_directories = ['/']")]
    [InlineData("SET autoinstall_known_extensions = true")]
    [InlineData("RESET enable_external_access")]
    public void Open_LockConfiguration_RefusesToSetTheSandboxBack(string sql)
    {
        var error = Assert.Throws<DuckDbException>(() => _conn.Execute(sql));

        Assert.Contains("locked", error.Message, StringComparison.Ordinal);
        Assert.False(_conn.Scalar<bool>("SELECT current_setting('enable_external_access')"));
    }
}
