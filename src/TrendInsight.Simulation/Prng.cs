namespace TrendInsight.Simulation;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a fixed, documented algorithm, so that a seed gives the
/// same stream on every .NET version and machine (System.Random's algorithm is not specified).
/// </summary>
internal sealed class Prng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Prng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>An independent stream for one part of the output (e.g. one feed on one day).</summary>
    public static Prng For(ulong seed, string part, long index)
    {
        // FNV-1a over the part name: stable across processes, unlike string.GetHashCode.
        var h = 14695981039346656037UL;
        foreach (var c in part)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        var mix = seed ^ h;
        var x = mix + (0x9E3779B97F4A7C15UL * (ulong)(index + 1));
        return new Prng(SplitMix64(ref x) ^ mix);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform integer in [0, n).</summary>
    public int Next(int n)
    {
        if (n <= 1)
        {
            return 0;
        }

        return (int)((NextUInt64() >> 33) % (ulong)n);
    }

    /// <summary>Uniform integer in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An integer count whose expectation is <paramref name="expected"/> (floor plus a Bernoulli on the fraction).</summary>
    public int Dither(double expected)
    {
        if (expected <= 0)
        {
            return 0;
        }

        var whole = Math.Floor(expected);
        return (int)whole + (Chance(expected - whole) ? 1 : 0);
    }

    /// <summary>
    /// A count around <paramref name="expected"/> with Poisson-like noise, using only basic
    /// arithmetic (sum of uniforms) so results are identical on every platform.
    /// </summary>
    public int Noisy(double expected)
    {
        if (expected <= 0)
        {
            return 0;
        }

        // Irwin–Hall(4) − 2 has variance 1/3; scale to standard deviation √expected approximately.
        var u = NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0;
        var sd = SquareRoot(expected);
        var value = expected + (u * sd * 1.7320508075688772);
        return Dither(Math.Max(0, value));
    }

    private static double SquareRoot(double x) => Math.Sqrt(x); // IEEE-754 correctly rounded everywhere.

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
