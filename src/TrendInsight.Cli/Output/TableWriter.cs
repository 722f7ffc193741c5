using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace TrendInsight.Cli.Output;

/// <summary>
/// Writes a table to stdout: on a terminal as a Spectre table fitted to the terminal's width, with numbers
/// never wrapped; into a pipe or file as plain aligned text (a title line, a header, a rule, one line a row,
/// columns two spaces apart), so that no number is split and <c>grep</c>, <c>awk</c> and <c>column</c> work; with
/// the global <c>--csv</c>, as CSV anywhere.
/// </summary>
internal static class TableWriter
{
    /// <summary>Whether tables are written as CSV (the global <c>--csv</c>), whatever stdout is.</summary>
    public static bool Csv { get; set; }

    /// <summary>Writes <paramref name="table"/> to stdout in the form that suits it.</summary>
    public static void Write(Table table) => Write(table, AnsiConsole.Console, Terminal.OutIsTerminal);

    /// <summary>Writes <paramref name="table"/> to <paramref name="console"/>: a fitted table on a terminal, else plain text.</summary>
    public static void Write(Table table, IAnsiConsole console, bool terminal)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(console);
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        var header = table.Columns.Select(c => Text(c.Header, options)).ToArray();
        var rows = table.Rows.Select(r => r.Select(cell => Text(cell, options)).ToArray()).ToList();
        var numeric = new bool[header.Length];
        for (var i = 0; i < numeric.Length; i++)
        {
            numeric[i] = table.Columns[i].Alignment == Justify.Right
                || (rows.Any(r => i < r.Length && r[i] is not ("" or "-") && IsNumber(r[i]))
                    && rows.All(r => i >= r.Length || r[i] is "" or "-" || IsNumber(r[i])));
        }

        var title = table.Title?.Text is { } t ? Markup.Remove(t) : null;
        if (Csv)
        {
            console.Profile.Out.Writer.Write(CsvText(title, header, rows));
            return;
        }

        if (terminal)
        {
            for (var i = 0; i < numeric.Length; i++)
            {
                if (numeric[i])
                {
                    table.Columns[i].NoWrap = true;
                    table.Columns[i].Alignment = Justify.Right;
                }
                else if (rows.Count > 0 && rows.All(r => i >= r.Length || IsDateOrTime(r[i])))
                {
                    table.Columns[i].NoWrap = true;
                }
            }

            console.Write(table);
            return;
        }

        console.Profile.Out.Writer.Write(Plain(title, header, rows, numeric));
    }

    /// <summary>RFC 4180 CSV: a <c># title</c> line, the header, the rows, a blank line.</summary>
    internal static string CsvText(string? title, string[] header, IReadOnlyList<string[]> rows)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(title))
        {
            text.Append("# ").Append(title).Append('\n');
        }

        text.Append(string.Join(',', header.Select(CsvCell))).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(CsvCell))).Append('\n');
        }

        text.Append('\n');
        return text.ToString();
    }

    private static string CsvCell(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    /// <summary>Plain aligned text: title, header, a rule of dashes, then the rows; wide (CJK) characters count two columns.</summary>
    internal static string Plain(string? title, string[] header, IReadOnlyList<string[]> rows, bool[] rightAligned)
    {
        var widths = header.Select(DisplayWidth).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < Math.Min(row.Length, widths.Length); i++)
            {
                widths[i] = Math.Max(widths[i], DisplayWidth(row[i]));
            }
        }

        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(title))
        {
            text.Append(title).Append('\n');
        }

        Line(text, header, widths, rightAligned);
        Line(text, [.. widths.Select(w => new string('-', w))], widths, rightAligned);
        foreach (var row in rows)
        {
            Line(text, row, widths, rightAligned);
        }

        text.Append('\n');
        return text.ToString();
    }

    /// <summary>Terminal columns a text takes: two for East Asian wide and full-width characters, none for combining marks.</summary>
    internal static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += RuneWidth(rune);
        }

        return width;
    }

    private static void Line(StringBuilder text, string[] cells, int[] widths, bool[] rightAligned)
    {
        var line = new StringBuilder();
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = i < cells.Length ? cells[i] : string.Empty;
            var pad = new string(' ', widths[i] - DisplayWidth(cell));
            if (i > 0)
            {
                line.Append("  ");
            }

            line.Append(rightAligned[i] ? pad + cell : cell + pad);
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }

    private static string Text(IRenderable renderable, RenderOptions options)
    {
        var text = new StringBuilder();
        foreach (var segment in renderable.Render(options, int.MaxValue / 2))
        {
            if (segment.IsLineBreak)
            {
                text.Append(' ');
            }
            else if (!segment.IsControlCode)
            {
                text.Append(segment.Text);
            }
        }

        return text.ToString().Replace('\n', ' ').Trim();
    }

    private static bool IsDateOrTime(string text) => text.All(c => char.IsAsciiDigit(c) || c is '-' or ':' or ' ' or '.');

    private static bool IsNumber(string text) =>
        double.TryParse(text.TrimStart('×', '+').TrimEnd('%', 's'), NumberStyles.Number, CultureInfo.InvariantCulture, out _);

    private static int RuneWidth(Rune rune)
    {
        var c = rune.Value;
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format || c == 0x200B)
        {
            return 0;
        }

        return c is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0x303E
            or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xA000 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F
            or >= 0x1F900 and <= 0x1F9FF
            or >= 0x20000 and <= 0x3FFFD
            ? 2
            : 1;
    }
}
