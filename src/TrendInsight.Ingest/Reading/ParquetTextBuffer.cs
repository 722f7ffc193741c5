namespace TrendInsight.Ingest.Reading;

/// <summary>
/// The slots Parquet.Net decodes one text column of a row group into, shared by the text columns of a file: they are read
/// one after the other, and each turns its values into its own compact form before the next is read.
/// </summary>
internal sealed class ParquetTextBuffer
{
    private ReadOnlyMemory<char>[] _values = [];
    private int[] _definitions = [];

    /// <summary>At least <paramref name="length"/> value slots, empty.</summary>
    public ReadOnlyMemory<char>[] Values(int length)
    {
        if (_values.Length < length)
        {
            _values = new ReadOnlyMemory<char>[length];
        }

        return _values;
    }

    /// <summary>At least <paramref name="length"/> definition levels.</summary>
    public int[] Definitions(int length)
    {
        if (_definitions.Length < length)
        {
            _definitions = new int[length];
        }

        return _definitions;
    }

    /// <summary>Lets go of the first <paramref name="count"/> values (arrays Parquet.Net allocated a value), so that they can be collected.</summary>
    public void Clear(int count) => Array.Clear(_values, 0, Math.Min(count, _values.Length));

    /// <summary>Lets go of the slots themselves (after a file's last row group).</summary>
    public void Free() => (_values, _definitions) = ([], []);
}
