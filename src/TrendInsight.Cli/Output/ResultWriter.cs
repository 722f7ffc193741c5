using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DuckDB.NET.Data;
using Spectre.Console;
using TrendInsight.DuckDb;

namespace TrendInsight.Cli.Output;

/// <summary>Prints a query result as a table, RFC 4180 CSV or a JSON array of objects.</summary>
public static class ResultWriter
{
    public static void Write(DuckDBDataReader reader, ResultFormat format, TextWriter output)
    {
        switch (format)
        {
            case ResultFormat.Csv:
                WriteCsv(reader, output);
                break;
            case ResultFormat.Json:
                WriteJson(reader, output);
                break;
            default:
                WriteTable(reader, output);
                break;
        }
    }

    /// <summary>Invariant text for a value: dates ISO-8601, numbers with '.' decimals, lists in brackets.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Format)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>
    /// A table: to stdout as <see cref="TableWriter"/> writes tables there; into a file (<c>--out</c>) as the plain aligned
    /// text stdout gets in a pipe.
    /// </summary>
    private static void WriteTable(DuckDBDataReader reader, TextWriter output)
    {
        if (reader.FieldCount == 0)
        {
            // A statement without a result (COPY … TO, CREATE with --write): that it ran, not an empty table. DuckDB.NET
            // does not say how many rows such a statement wrote.
            output.WriteLine("done");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            table.AddColumn(new TableColumn(Markup.Escape(reader.GetName(i))));
        }

        var rows = 0L;
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.IsNull(i) ? "[grey]NULL[/]" : Markup.Escape(Format(reader.GetNaturalValue(i)));
            }

            table.AddRow(cells);
            rows++;
        }

        // With the global --csv the table is CSV, which a count line after it would break.
        var count = TableWriter.Csv ? null : string.Create(CultureInfo.InvariantCulture, $"{rows} row{(rows == 1 ? string.Empty : "s")}");
        if (ReferenceEquals(output, Console.Out))
        {
            TableWriter.Write(table);
            if (count is not null)
            {
                AnsiConsole.MarkupLine($"[grey]{count}[/]");
            }

            return;
        }

        TableWriter.Write(table, Terminal.Plain(output), terminal: false);
        if (count is not null)
        {
            output.WriteLine(count);
        }
    }

    private static void WriteCsv(DuckDBDataReader reader, TextWriter output)
    {
        output.WriteLine(string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(i => Csv(reader.GetName(i)))));
        var cells = new string[reader.FieldCount];
        while (reader.Read())
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.IsNull(i) ? string.Empty : Csv(Format(reader.GetNaturalValue(i)));
            }

            output.WriteLine(string.Join(',', cells));
        }
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static void WriteJson(DuckDBDataReader reader, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            while (reader.Read())
            {
                json.WriteStartObject();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    json.WritePropertyName(reader.GetName(i));
                    WriteJsonValue(json, reader.GetNaturalValue(i));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int n: json.WriteNumberValue(n); break;
            case long n: json.WriteNumberValue(n); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case decimal m: json.WriteNumberValue(m); break;
            case System.Numerics.BigInteger n: json.WriteRawValue(n.ToString(CultureInfo.InvariantCulture)); break;
            case string s: json.WriteStringValue(s); break;
            case System.Collections.IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteJsonValue(json, item);
                }

                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Format(value)); break;
        }
    }
}
