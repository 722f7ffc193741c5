using System.Diagnostics;
using System.Text;

namespace TrendInsight.EndToEnd.Tests;

/// <summary>Runs the built <c>trendinsight</c> CLI as a child process, the way a user does.</summary>
internal static class CliProcess
{
    public static CliResult Run(string? stdin, params string[] args)
    {
        using var process = Process.Start(StartInfo(stdin is not null, args))!;
        if (stdin is not null)
        {
            using (var writer = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)))
            {
                writer.Write(stdin);
            }
        }

        return Finish(process, args);
    }

    /// <summary>
    /// Runs the CLI with its output redirected (not a terminal) and the environment changed: a null value removes a
    /// variable (the other runs set <c>NO_COLOR</c> and <c>COLUMNS</c>; a pipe alone must be enough for plain output).
    /// </summary>
    public static CliResult RunWith(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = StartInfo(false, args);
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start)!;
        return Finish(process, args);
    }

    /// <summary>Starts the CLI in the background with extra environment variables; the caller ends it.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(false, args);
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        start.StandardOutputEncoding = null;
        start.StandardErrorEncoding = null;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static CliResult Finish(Process process, string[] args)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"trendinsight {string.Join(' ', args)} did not finish");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static ProcessStartInfo StartInfo(bool stdin, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "trendinsight.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "200";
        return start;
    }
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
