using System.IO.Compression;
using System.Text;

namespace TrendInsight.Simulation;

/// <summary>Writes rows of one feed to one landing file: JSON Lines (optionally gzip), CSV with a header row, or Parquet.</summary>
internal sealed class LandingFileWriter : IDisposable
{
    private static readonly Encoding Utf8NoBom = new UTF8Encoding(false);
    private static readonly Encoding Utf8Bom = new UTF8Encoding(true);
    private readonly FileStream _file;
    private readonly GZipStream? _gzip;
    private readonly StreamWriter? _writer;
    private readonly ParquetLandingWriter? _parquet;
    private readonly StringBuilder _line = new(512);

    public LandingFileWriter(string path, LandingFormat format, FeedSchema schema)
    {
        Path = path;
        Format = format;
        Schema = schema;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (format == LandingFormat.Parquet)
        {
            _parquet = new ParquetLandingWriter(schema);
            return;
        }

        Stream target = _file;
        if (format == LandingFormat.JsonlGz)
        {
            _gzip = new GZipStream(_file, CompressionLevel.Fastest, leaveOpen: true);
            target = _gzip;
        }

        var encoding = format switch
        {
            LandingFormat.CsvBom => Utf8Bom,
            LandingFormat.CsvGb18030 => Gb18030,
            _ => Utf8NoBom,
        };
        _writer = new StreamWriter(target, encoding, 1 << 16, leaveOpen: true)
        {
            // Excel exports from Chinese systems end lines with CRLF.
            NewLine = format == LandingFormat.CsvGb18030 ? "\r\n" : "\n",
        };
        if (IsCsv)
        {
            _writer.WriteLine(string.Join(',', schema.Columns));
        }
    }

    /// <summary>GB18030 (code page 54936), registered from the code-pages provider.</summary>
    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936);
        }
    }

    public string Path { get; }

    public LandingFormat Format { get; }

    public FeedSchema Schema { get; }

    public bool IsCsv => Format is LandingFormat.Csv or LandingFormat.CsvBom or LandingFormat.CsvGb18030;

    /// <summary>Data rows written (header excluded).</summary>
    public long Rows { get; private set; }

    public void Write(Row row)
    {
        if (_parquet is not null)
        {
            _parquet.Add(row);
            Rows++;
            return;
        }

        _line.Clear();
        if (row.RawLine is not null)
        {
            _line.Append(row.RawLine);
        }
        else if (IsCsv)
        {
            AppendCsv(row);
        }
        else
        {
            AppendJson(row, _line);
        }

        _writer!.WriteLine(_line);
        Rows++;
    }

    /// <summary>The row as one JSON object (absent fields omitted), as a JSONL line holds it.</summary>
    public static string ToJson(Row row)
    {
        var sb = new StringBuilder(256);
        AppendJson(row, sb);
        return sb.ToString();
    }

    public void Dispose()
    {
        _parquet?.WriteTo(_file);
        _writer?.Dispose();
        _gzip?.Dispose();
        _file.Dispose();
    }

    private static void AppendJson(Row row, StringBuilder sb)
    {
        sb.Append('{');
        var first = true;
        var columns = row.Schema.Columns;
        for (var i = 0; i < columns.Length; i++)
        {
            var value = row.Values[i];
            var isTags = row.Tags is not null && string.Equals(columns[i], "tags", StringComparison.Ordinal);
            if (value is null && !isTags)
            {
                continue;
            }

            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            sb.Append('"').Append(columns[i]).Append("\":");
            if (isTags)
            {
                sb.Append('[');
                for (var t = 0; t < row.Tags!.Length; t++)
                {
                    if (t > 0)
                    {
                        sb.Append(',');
                    }

                    AppendJsonString(sb, row.Tags[t]);
                }

                sb.Append(']');
            }
            else if (row.Numeric[i])
            {
                sb.Append(value);
            }
            else
            {
                AppendJsonString(sb, value!);
            }
        }

        sb.Append('}');
    }

    private static void AppendJsonString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private void AppendCsv(Row row)
    {
        var columns = row.Schema.Columns;
        for (var i = 0; i < columns.Length; i++)
        {
            if (i > 0)
            {
                _line.Append(',');
            }

            var value = row.Values[i];
            if (row.Tags is not null && string.Equals(columns[i], "tags", StringComparison.Ordinal))
            {
                value = string.Join(' ', row.Tags.Select(t => "#" + t));
            }

            if (value is null)
            {
                continue;
            }

            var quote = value.Length > 0 &&
                (value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
            if (quote)
            {
                _line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                _line.Append(value);
            }
        }
    }
}
