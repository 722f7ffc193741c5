namespace TrendInsight.Cli.Output;

/// <summary>The exit codes of every command (the README lists them).</summary>
internal static class ExitCodes
{
    /// <summary>Done, nothing rejected.</summary>
    public const int Ok = 0;

    /// <summary>An error: the cause is the one line on stderr, the details in the log.</summary>
    public const int Error = 1;

    /// <summary>The command line itself is wrong: an unknown option, a missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>The run succeeded, but rows were quarantined or landing files rejected (ingest, run, validate).</summary>
    public const int Rejected = 3;

    /// <summary>A failure that may pass when tried again (a file locked by another process, a busy database); as sysexits' EX_TEMPFAIL.</summary>
    public const int Transient = 75;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
