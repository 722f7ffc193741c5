using System.CommandLine;
using System.Reflection;

namespace TrendInsight.Cli.Commands;

/// <summary><c>trendinsight version</c>: this program's version and DuckDB's.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print TrendInsight's version and DuckDB's");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"trendinsight {version.Split('+')[0]}");
            Console.WriteLine($"duckdb {TrendInsight.DuckDb.DuckDbDatabase.LibraryVersion}");
            return 0;
        });
        return command;
    }
}
