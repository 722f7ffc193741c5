using TrendInsight.Core;
using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using TrendInsight.Ingest.Validation;

namespace TrendInsight.Ingest.Reading;

/// <summary>
/// The rows of a Parquet landing file (a warehouse extract), read row group by row group with Parquet.Net, each
/// handed out as one JSON object of its contract columns, so that it goes through the same field reader,
/// validator, quarantine and deduplication as a JSON line. Columns outside the contract are not read; names are
/// matched in any case. The line number of a row is its 1-based position in the file. Memory holds one row group's
/// contract columns as Parquet.Net decodes them; each row's JSON is written from them when it is read
/// (<see cref="ParquetColumn"/>).
/// </summary>
internal sealed class ParquetRecords : ILandingRecords
{
    /// <summary>Rows from which the heap is collected once a row group is read (DuckDB writes 122,880).</summary>
    private const long LargeRowGroup = 32_768;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly ParquetReader _reader;
    private readonly ParquetColumn[] _columns;
    private readonly JsonEncodedText[] _names;
    private readonly ArrayBufferWriter<byte> _row = new(1024);
    private readonly Utf8JsonWriter _json;
    private readonly long[] _groupBytes;
    private int _group = -1;
    private bool _freed;
    private long _groupRows;
    private long _groupRow;

    private ParquetRecords(ParquetReader reader, ParquetColumn[] columns)
    {
        _reader = reader;
        _columns = columns;
        _names = [.. columns.Select(c => JsonEncodedText.Encode(c.Name, JsonOptions.Encoder))];
        _json = new Utf8JsonWriter(_row, JsonOptions);
        _groupBytes = [.. Enumerable.Range(0, reader.RowGroupCount).Select(g => reader.Metadata!.RowGroups[g].TotalCompressedSize ?? 0)];
    }

    /// <summary>
    /// Options for reading landing files: untyped binary columns are text (older writers leave off the UTF-8 annotation);
    /// Parquet.Net's pools of page buffers keep little when idle (its defaults keep up to 80 MB), so that a Parquet file
    /// costs no more memory than the same rows as JSON lines.
    /// </summary>
    public static ParquetOptions Options => new()
    {
        TreatByteArrayAsString = true,
        UseDateOnlyTypeForDates = true,
        MaximumSmallPoolFreeBytes = 1 << 20,
        MaximumLargePoolFreeBytes = 4 << 20,
    };

    public long LineNumber { get; private set; }

    public long BytesRead { get; private set; }

    public bool Corrupt => false;

    public bool TooLong => false;

    public long TooLongBytes => 0;

    /// <summary>
    /// Opens <paramref name="path"/>. Throws <see cref="LandingSchemaException"/> with a message for the data team when the
    /// file lacks a column of <paramref name="required"/> or a contract column is of a type no contract value has (a
    /// struct, a map, a list of lists); Parquet.Net's own exceptions when it is not a readable Parquet file.
    /// </summary>
    public static ParquetRecords Open(string path, IReadOnlyCollection<string> required)
    {
        var reader = ParquetReader.CreateAsync(path, Options).GetAwaiter().GetResult();
        try
        {
            return new ParquetRecords(reader, Columns(reader.Schema, required));
        }
        catch
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Reads every row group's contract columns and throws what a corrupt one throws; returns the rows.</summary>
    public long ReadAll(CancellationToken cancellationToken)
    {
        long rows = 0;
        while (NextGroup(cancellationToken, decodeOnly: true))
        {
            rows += _groupRows;
        }

        return rows;
    }

    public bool TryRead(out ReadOnlyMemory<byte> record)
    {
        while (_groupRow >= _groupRows)
        {
            if (!NextGroup(CancellationToken.None, decodeOnly: false))
            {
                Free();
                record = default;
                return false;
            }
        }

        _row.ResetWrittenCount();
        _json.Reset(_row);
        _json.WriteStartObject();
        for (var c = 0; c < _columns.Length; c++)
        {
            _json.WritePropertyName(_names[c]);
            _columns[c].WriteNext(_json);
        }

        _json.WriteEndObject();
        _json.Flush();
        _groupRow++;
        LineNumber++;
        record = _row.WrittenMemory;
        return true;
    }

    public void Dispose()
    {
        _json.Dispose();
        _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Free();
    }

    /// <summary>
    /// Lets go of the file's values once its last row is handed out, and hands the heap they took back: the rounds
    /// still being validated and appended then fill the staging table (in DuckDB, at its largest at the end of the
    /// file) beside a small heap, and deduplication after it has the memory.
    /// </summary>
    private void Free()
    {
        if (_freed)
        {
            return;
        }

        _freed = true;
        foreach (var column in _columns)
        {
            column.Dispose();
        }

        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>Reads the next row group; <paramref name="decodeOnly"/>: only to see that it reads (its rows are not handed out).</summary>
    private bool NextGroup(CancellationToken cancellationToken, bool decodeOnly)
    {
        if (_group + 1 >= _reader.RowGroupCount)
        {
            return false;
        }

        _group++;
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var column in _columns)
        {
            column.Release();
        }

        var rowGroup = _reader.OpenRowGroupReader(_group);
        foreach (var column in _columns)
        {
            column.LoadAsync(rowGroup, decodeOnly, cancellationToken).AsTask().GetAwaiter().GetResult();

            // Checked here, so that the probe rejects the file rather than its rows failing while they are staged.
            if (column.Rows < rowGroup.RowCount)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"column {column.Field.Path}: {column.Rows} values for the {rowGroup.RowCount} rows of row group {_group}"));
            }
        }

        if (rowGroup.RowCount >= LargeRowGroup)
        {
            // Parquet.Net decodes every text value of a row group into an array of its own, garbage as soon as its column
            // is read; those a young collection found still in use were promoted, and the oldest generation is collected
            // late. Collected now, with the row group before: without this the heap held several row groups' garbage
            // (99 MB committed instead of 63-72 MB on the bench's 3,000,000-row extract).
            GC.Collect();
        }

        _groupRows = rowGroup.RowCount;
        _groupRow = 0;
        BytesRead += _groupBytes[_group];
        return true;
    }

    private static ParquetColumn[] Columns(ParquetSchema schema, IReadOnlyCollection<string> required)
    {
        var columns = new List<ParquetColumn>();
        var text = new ParquetTextBuffer();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            var name = field.Name.Trim().ToLowerInvariant();
            if (!LandingField.Names.Contains(name, StringComparer.Ordinal) || !found.Add(name))
            {
                continue;
            }

            var data = field switch
            {
                DataField d => d,
                ListField { Item: DataField item } => item,
                _ => null,
            };
            var column = data is null || data.MaxRepetitionLevel > 1 ? null : ParquetColumn.Create(name, data, text);
            if (column is null)
            {
                throw new LandingSchemaException(QuarantineReasons.BadColumn(name), $"column {field.Name} is a {Describe(field)}; the contract needs a text, number, timestamp or list of text");
            }

            columns.Add(column);
        }

        var missing = required.Where(r => !found.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new LandingSchemaException(QuarantineReasons.MissingColumn(missing[0]), (missing.Count == 1 ? "missing required column " : "missing required columns ") + string.Join(", ", missing)
                + " (has " + string.Join(", ", schema.Fields.Select(f => f.Name)) + ")");
        }

        return [.. columns];
    }

    private static string Describe(Field field) => field switch
    {
        DataField d => d.ClrType.Name,
        ListField l => "list of " + Describe(l.Item),
        _ => field.SchemaType.ToString().ToLowerInvariant(),
    };
}
