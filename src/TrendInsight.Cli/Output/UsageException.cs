using TrendInsight.Core;

namespace TrendInsight.Cli.Output;

/// <summary>A value on the command line that cannot be used (exit <see cref="ExitCodes.Usage"/>).</summary>
internal sealed class UsageException(string message) : TrendInsightException(message);
