using System.Globalization;

namespace TrendInsight.Bench;

/// <summary>Where benchmarks keep their generated inputs and how they print results.</summary>
public sealed class BenchContext
{
    public BenchContext(string workFolder, bool quick)
    {
        WorkFolder = workFolder;
        Quick = quick;
        Directory.CreateDirectory(workFolder);
    }

    /// <summary>A scratch folder (ignored by git) for generated inputs.</summary>
    public string WorkFolder { get; }

    /// <summary>Smaller inputs (<c>BENCH_QUICK=1</c>), for trying a benchmark out.</summary>
    public bool Quick { get; }

    /// <summary>Prints one comparison line: ours, the peer's, and ours ÷ peer's.</summary>
    public static void Compare(string what, string unit, double ours, string peer, double theirs)
    {
        var ratio = theirs > 0 ? ours / theirs : double.NaN;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what,-44} {Number(ours, unit),14} {unit,-8} | {peer,-28} {Number(theirs, unit),14} {unit,-8} | ratio {ratio,6:F2}x"));
    }

    /// <summary>Seconds to the hundredth (warm runs take one or two), anything else to the tenth.</summary>
    private static string Number(double value, string unit) =>
        value.ToString(unit == "s" ? "N2" : "N1", CultureInfo.InvariantCulture);

    /// <summary>Prints one figure without a peer.</summary>
    public static void Figure(string what, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-44} {Number(value, unit),14} {unit}"));

    /// <summary>Peak resident memory of this process so far, in MB (VmHWM).</summary>
    public static double PeakRssMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }
}
