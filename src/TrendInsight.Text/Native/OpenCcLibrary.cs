using System.Runtime.InteropServices;
using TrendInsight.Core;

namespace TrendInsight.Text.Native;

/// <summary>
/// The four functions of OpenCC's C API that conversion needs, bound at run time from
/// <c>libopencc.so.1.1</c> (Debian's libopencc1.1) so that a missing library becomes a clear
/// <see cref="TrendInsightException"/> instead of a <see cref="DllNotFoundException"/> at first use.
/// </summary>
internal sealed unsafe class OpenCcLibrary
{
    private static readonly string[] Candidates =
    [
        "libopencc.so.1.1",
        "libopencc.so.1",
        "/usr/lib/x86_64-linux-gnu/libopencc.so.1.1",
        "/usr/lib/aarch64-linux-gnu/libopencc.so.1.1",
        "libopencc.so",
    ];

    private static readonly Lazy<OpenCcLibrary> Shared = new(LoadLibrary, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly delegate* unmanaged<byte*, nint> _open;
    private readonly delegate* unmanaged<nint, int> _close;
    private readonly delegate* unmanaged<nint, byte*, nuint, byte*> _convert;
    private readonly delegate* unmanaged<byte*, void> _free;
    private readonly delegate* unmanaged<byte*> _error;

    private OpenCcLibrary(nint handle)
    {
        _open = (delegate* unmanaged<byte*, nint>)NativeLibrary.GetExport(handle, "opencc_open");
        _close = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(handle, "opencc_close");
        _convert = (delegate* unmanaged<nint, byte*, nuint, byte*>)NativeLibrary.GetExport(handle, "opencc_convert_utf8");
        _free = (delegate* unmanaged<byte*, void>)NativeLibrary.GetExport(handle, "opencc_convert_utf8_free");
        _error = (delegate* unmanaged<byte*>)NativeLibrary.GetExport(handle, "opencc_error");
    }

    /// <summary>The process's one binding (the library itself is loaded once; converters are separate).</summary>
    public static OpenCcLibrary Instance => Shared.Value;

    /// <summary>Opens a converter for a configuration file such as <c>/usr/share/opencc/t2s.json</c>.</summary>
    public nint Open(string configPath)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(configPath + "\0");
        nint converter;
        fixed (byte* p = bytes)
        {
            converter = _open(p);
        }

        if (converter == -1 || converter == 0)
        {
            throw new TrendInsightException(
                $"OpenCC could not open {configPath}: {LastError()}. "
                + "Install Debian's libopencc1.1 (run `make setup`, or `apt-get install libopencc1.1`).");
        }

        return converter;
    }

    public void Close(nint converter) => _close(converter);

    /// <summary>Converts UTF-8 text; the converter must not be used by two threads at once.</summary>
    public string Convert(nint converter, ReadOnlySpan<byte> utf8)
    {
        byte* result;
        fixed (byte* p = utf8)
        {
            result = _convert(converter, p, (nuint)utf8.Length);
        }

        if (result is null)
        {
            throw new TrendInsightException($"OpenCC conversion failed: {LastError()}");
        }

        try
        {
            return Marshal.PtrToStringUTF8((nint)result) ?? string.Empty;
        }
        finally
        {
            _free(result);
        }
    }

    private string LastError()
    {
        var p = _error();
        return p is null ? "unknown error" : Marshal.PtrToStringUTF8((nint)p) ?? "unknown error";
    }

    private static OpenCcLibrary LoadLibrary()
    {
        foreach (var name in Candidates)
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                try
                {
                    return new OpenCcLibrary(handle);
                }
                catch (EntryPointNotFoundException ex)
                {
                    throw new TrendInsightException(
                        $"{name} lacks an OpenCC C API function ({ex.Message}); TrendInsight needs OpenCC 1.1 "
                        + "(Debian's libopencc1.1: run `make setup`).", inner: ex);
                }
            }
        }

        throw new TrendInsightException(
            "OpenCC is not installed: libopencc.so.1.1 was not found. Install Debian's libopencc1.1 "
            + "(run `make setup`, or `sudo apt-get install libopencc1.1`).");
    }
}
