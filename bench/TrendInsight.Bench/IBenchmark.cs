namespace TrendInsight.Bench;

/// <summary>
/// One benchmark of <c>make bench</c>: measures TrendInsight and the peer its issue names in the same
/// run and prints both with the ratio. Benchmarks are found by reflection; one file each.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short name used to pick it: <c>make bench BENCH=name</c>.</summary>
    string Name { get; }

    /// <summary>Runs and prints its figures.</summary>
    Task RunAsync(BenchContext context, CancellationToken cancellationToken);
}
