using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TrendInsight.DuckDb.Native;

namespace TrendInsight.DuckDb;

/// <summary>
/// A table function whose rows .NET writes while a query reads them: <c>SELECT … FROM name()</c>
/// streams the chunks that <see cref="Appender"/> fills, so rows go straight into, say,
/// <c>COPY … TO '…parquet'</c> without being stored in a table first. Created by
/// <see cref="DuckDbConnection.CreateRowStream"/>.
/// </summary>
/// <remarks>
/// <para>A producer writes rows through <see cref="Appender"/> (DuckDbAppender's API), more producers through
/// appenders from <see cref="CreateWriter"/>; they end with <see cref="Complete"/> or <see cref="Fail"/>. The
/// query runs on another thread, best with DuckDB's <c>threads = 1</c>: its worker threads spin while the
/// function waits for rows. At most
/// <c>capacity</c> full chunks wait between them, so memory stays flat; the producer blocks when the
/// query is slower.</para>
/// <para>Read it once: the function ends after the last chunk. When the query stops early (an error,
/// an interrupt), call <see cref="Abort"/> so that a blocked producer fails instead of waiting forever.</para>
/// </remarks>
public sealed unsafe class DuckDbRowStream : IDisposable
{
    private readonly BlockingCollection<DataChunkHandle> _chunks;
    private readonly ConnectionHandle _connection;
    private readonly string _shapeTable;
    private readonly List<DuckDbAppender> _writers = [];
    private readonly string[] _names;
    private readonly IntPtr[] _types;
    private readonly CancellationTokenSource _aborted = new();
    private string? _error;
    private bool _disposed;

    internal DuckDbRowStream(ConnectionHandle connection, string function, string shapeTable, IReadOnlyList<string> names, int capacity)
    {
        Function = function;
        _connection = connection;
        _shapeTable = shapeTable;
        _names = [.. names];
        _chunks = new BlockingCollection<DataChunkHandle>(capacity);
        Appender = new DuckDbAppender(connection, shapeTable, null, Enqueue);
        _writers.Add(Appender);
        if (Appender.ColumnCount != _names.Length)
        {
            Appender.Dispose();
            throw new DuckDbException($"{shapeTable} has {Appender.ColumnCount} columns but {_names.Length} names were given", DuckDbErrorType.InvalidInput);
        }

        _types = Appender.ChunkTypes;
        Register(connection);
    }

    /// <summary>The table function's name: <c>SELECT * FROM {Function}()</c>.</summary>
    public string Function { get; }

    /// <summary>Where the producer writes rows; full chunks go to the query.</summary>
    public DuckDbAppender Appender { get; }

    /// <summary>
    /// Another appender feeding the same stream, for another producer thread (each appender is used by one
    /// thread at a time; their chunks interleave). Create writers before the query starts; the stream
    /// disposes them.
    /// </summary>
    public DuckDbAppender CreateWriter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var writer = new DuckDbAppender(_connection, _shapeTable, null, Enqueue);
        _writers.Add(writer);
        return writer;
    }

    /// <summary>Producers: no more rows. Hands over the last, partly filled chunk of every writer.</summary>
    public void Complete()
    {
        foreach (var writer in _writers)
        {
            writer.Flush();
        }

        _chunks.CompleteAdding();
    }

    /// <summary>Producer: the rows cannot be produced; the query fails with <paramref name="reason"/>.</summary>
    public void Fail(string reason)
    {
        _error = reason;
        _chunks.CompleteAdding();
    }

    /// <summary>Query side: nobody reads any more; a producer blocked on a full stream throws <see cref="OperationCanceledException"/>.</summary>
    public void Abort() => _aborted.Cancel();

    /// <summary>Frees the chunks still waiting and the appender. The function itself lives as long as the database.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _aborted.Cancel();
        while (_chunks.TryTake(out var chunk))
        {
            chunk.Dispose();
        }

        foreach (var writer in _writers)
        {
            writer.Dispose();
        }

        _chunks.Dispose();
        _aborted.Dispose();
    }

    private void Enqueue(DataChunkHandle chunk)
    {
        if (_disposed)
        {
            // Rows still buffered when the stream is disposed are dropped, not handed to a finished query.
            chunk.Dispose();
            return;
        }

        try
        {
            _chunks.Add(chunk, _aborted.Token);
        }
        catch
        {
            chunk.Dispose();
            throw;
        }
    }

    private void Register(ConnectionHandle connection)
    {
        var function = NativeMethods.duckdb_create_table_function();
        var self = GCHandle.Alloc(this);
        try
        {
            NativeMethods.duckdb_table_function_set_name(function, Function);
            // DuckDB frees the handle when it drops the function (when the database closes).
            NativeMethods.duckdb_table_function_set_extra_info(function, GCHandle.ToIntPtr(self), &FreeSelf);
            NativeMethods.duckdb_table_function_set_bind(function, &Bind);
            NativeMethods.duckdb_table_function_set_init(function, &Init);
            NativeMethods.duckdb_table_function_set_function(function, &Produce);
            if (NativeMethods.duckdb_register_table_function(connection, function) != DuckDbState.Success)
            {
                self.Free();
                throw new DuckDbException($"DuckDB refused to register the table function {Function} (is the name taken?)", DuckDbErrorType.Catalog);
            }
        }
        finally
        {
            NativeMethods.duckdb_destroy_table_function(ref function);
        }
    }

    private static DuckDbRowStream Of(IntPtr extraInfo) => (DuckDbRowStream)GCHandle.FromIntPtr(extraInfo).Target!;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FreeSelf(IntPtr extraInfo) => GCHandle.FromIntPtr(extraInfo).Free();

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Bind(IntPtr info)
    {
        var stream = Of(NativeMethods.duckdb_bind_get_extra_info(info));
        for (var i = 0; i < stream._names.Length; i++)
        {
            NativeMethods.duckdb_bind_add_result_column(info, stream._names[i], stream._types[i]);
        }

        // Large, so that a join keeps the stream on its probe side and builds on the other input.
        NativeMethods.duckdb_bind_set_cardinality(info, 1_000_000_000, false);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Init(IntPtr info) => NativeMethods.duckdb_init_set_max_threads(info, 1);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Produce(IntPtr info, IntPtr output)
    {
        try
        {
            var stream = Of(NativeMethods.duckdb_function_get_extra_info(info));
            if (!stream._chunks.TryTake(out var chunk, Timeout.Infinite, stream._aborted.Token))
            {
                // Done: an empty chunk ends the function; a producer failure fails the query.
                if (stream._error is { } error)
                {
                    NativeMethods.duckdb_function_set_error(info, error);
                }

                NativeMethods.duckdb_data_chunk_set_size(output, 0);
                return;
            }

            using (chunk)
            {
                // The output's vectors share the chunk's buffers, which live until DuckDB lets go of them.
                var native = chunk.DangerousGetHandle();
                for (var i = 0; i < stream._names.Length; i++)
                {
                    NativeMethods.duckdb_vector_reference_vector(
                        NativeMethods.duckdb_data_chunk_get_vector(output, (ulong)i), NativeMethods.duckdb_data_chunk_get_vector(native, (ulong)i));
                }

                NativeMethods.duckdb_data_chunk_set_size(output, NativeMethods.duckdb_data_chunk_get_size(native));
            }
        }
        catch (Exception ex)
        {
            // Nothing may unwind into DuckDB.
            NativeMethods.duckdb_function_set_error(info, ex.Message);
            NativeMethods.duckdb_data_chunk_set_size(output, 0);
        }
    }
}
