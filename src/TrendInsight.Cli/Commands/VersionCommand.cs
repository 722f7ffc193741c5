using System.CommandLine;
using System.Reflection;

namespace TrendInsight.Cli.Commands;

/// <summary><c>trendinsight version</c>: this program's version, DuckDB's and jieba.NET's.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the versions of TrendInsight, DuckDB and jieba.NET");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"trendinsight {version.Split('+')[0]}");
            Console.WriteLine($"duckdb {TrendInsight.DuckDb.DuckDbDatabase.LibraryVersion}");
            Console.WriteLine($"jieba.NET {TrendInsight.Text.JiebaData.PackageVersion} (jieba's data in {TrendInsight.Text.JiebaData.Folder})");
            return 0;
        });
        return command;
    }
}
