using Spectre.Console;

namespace TrendInsight.Cli.Output;

/// <summary>
/// What stdout and stderr are: a terminal gets colours, tables fitted to its width and live progress; a pipe
/// or a file gets plain text with no escape sequence and lines that are never wrapped. <c>NO_COLOR</c> turns
/// colours off, <c>TERM=dumb</c> every escape sequence.
/// </summary>
internal static class Terminal
{
    /// <summary>Width given to Spectre for a pipe or file, so that no line is wrapped there.</summary>
    private const int UnwrappedWidth = 1 << 16;

    private static IAnsiConsole? _err;

    /// <summary>Whether stdout is a terminal (not a pipe or file) that takes escape sequences.</summary>
    public static bool OutIsTerminal { get; private set; }

    /// <summary>Whether stderr is a terminal (not a pipe or file) that takes escape sequences.</summary>
    public static bool ErrIsTerminal { get; private set; }

    /// <summary>The console of stderr, where progress goes.</summary>
    public static IAnsiConsole Err => _err ??= Create(Console.Error, ErrIsTerminal);

    /// <summary>Sets up stdout's console (<see cref="AnsiConsole.Console"/>) and stderr's from the process's environment.</summary>
    public static void Configure()
    {
        var dumb = string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        OutIsTerminal = !Console.IsOutputRedirected && !dumb;
        ErrIsTerminal = !Console.IsErrorRedirected && !dumb;
        AnsiConsole.Console = Create(Console.Out, OutIsTerminal);
        _err = null;
    }

    /// <summary>A console that writes plain text into <paramref name="writer"/> (a file), as stdout's does into a pipe.</summary>
    public static IAnsiConsole Plain(TextWriter writer) => Create(writer, terminal: false);

    private static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }
}
