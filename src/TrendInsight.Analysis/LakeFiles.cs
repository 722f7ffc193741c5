using TrendInsight.Core;

namespace TrendInsight.Analysis;

/// <summary>Finding Parquet files of Hive partitions and replacing a partition atomically.</summary>
internal static class LakeFiles
{
    /// <summary>The Parquet files of <c>root/dt=D</c> for every D in [from, to].</summary>
    public static string[] Partitions(string root, DateOnly from, DateOnly to)
    {
        var files = new List<string>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            files.AddRange(Partition(root, d));
        }

        return [.. files];
    }

    /// <summary>The Parquet files of one partition, in name order.</summary>
    public static string[] Partition(string root, DateOnly dt)
    {
        var folder = Path.Combine(root, BusinessCalendar.Partition(dt));
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.parquet").Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>
    /// The temporary file to write a partition to, inside its folder (so the final rename stays on one
    /// file system). Its name does not end in <c>.parquet</c>, so readers never see it half-written.
    /// </summary>
    public static string TemporaryFor(string root, DateOnly dt)
    {
        var folder = Path.Combine(root, BusinessCalendar.Partition(dt));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".part-0.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Makes <paramref name="temporary"/> the only Parquet file of its partition.</summary>
    public static string Publish(string temporary)
    {
        var folder = Path.GetDirectoryName(temporary)!;
        var final = Path.Combine(folder, "part-0.parquet");
        File.Move(temporary, final, overwrite: true);
        foreach (var other in Directory.EnumerateFiles(folder, "*.parquet"))
        {
            if (!string.Equals(other, final, StringComparison.Ordinal))
            {
                File.Delete(other);
            }
        }

        return final;
    }
}
