namespace TrendInsight.DuckDb.Tests;

/// <summary>One in-memory database shared by the tests of a class; each test opens its own connection.</summary>
public sealed class InMemoryDatabaseFixture : IDisposable
{
    public InMemoryDatabaseFixture()
    {
        Database = DuckDbDatabase.Open(null, new DuckDbConfig { Threads = 2, MemoryLimit = "1GB" });
    }

    public DuckDbDatabase Database { get; }

    public void Dispose() => Database.Dispose();
}
