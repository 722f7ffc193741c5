using System.CommandLine;
using System.Reflection;

namespace TrendInsight.Cli.Commands;

/// <summary><c>trendinsight version</c>: this program's version, DuckDB's, jieba.NET's and those of the packages that do its data work.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the versions of TrendInsight, DuckDB, jieba.NET and the DuckDB.NET, Arrow, Parquet.Net and Quartz packages");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            Console.WriteLine($"trendinsight {version.Split('+')[0]}");
            Console.WriteLine($"duckdb {TrendInsight.DuckDb.DuckDbDatabase.LibraryVersion}");
            Console.WriteLine($"jieba.NET {TrendInsight.Text.JiebaData.PackageVersion} (jieba's data in {TrendInsight.Text.JiebaData.Folder})");
            foreach (var (package, packageVersion) in PackageVersions())
            {
                Console.WriteLine($"{package} {packageVersion}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>The NuGet packages that do TrendInsight's data work, with the versions this build carries.</summary>
    private static IEnumerable<(string Package, string Version)> PackageVersions()
    {
        yield return ("DuckDB.NET.Data.Full", InformationalVersion(typeof(DuckDB.NET.Data.DuckDBConnection).Assembly));
        yield return ("DuckDB.NET.Bindings.Full", InformationalVersion(typeof(DuckDB.NET.Native.NativeMethods).Assembly));
        yield return ("Apache.Arrow", InformationalVersion(typeof(Apache.Arrow.RecordBatch).Assembly));
        yield return ("Parquet.Net", InformationalVersion(typeof(Parquet.ParquetReader).Assembly));
        yield return ("Quartz", InformationalVersion(typeof(Quartz.IScheduler).Assembly));
    }

    private static string InformationalVersion(Assembly assembly) =>
        (assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown").Split('+')[0];
}
