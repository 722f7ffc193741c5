using System.Diagnostics;
using TrendInsight.Bench;

var benchmarks = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var selected = args.Length == 0 ? benchmarks : benchmarks.Where(b => args.Contains(b.Name, StringComparer.Ordinal)).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"No benchmark named {string.Join(", ", args)}. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}

var work = Path.Combine(TrendInsight.Core.AssetLocator.Root, "data", "bench");
var context = new BenchContext(work, Environment.GetEnvironmentVariable("BENCH_QUICK") == "1");
Console.WriteLine($"TrendInsight benchmarks ({Environment.ProcessorCount} cores), scratch folder {work}");
foreach (var benchmark in selected)
{
    Console.WriteLine();
    Console.WriteLine($"[{benchmark.Name}]");
    var watch = Stopwatch.StartNew();
    await benchmark.RunAsync(context, CancellationToken.None);
    Console.WriteLine($"  ({watch.Elapsed.TotalSeconds:F1} s)");
}

return 0;
