using System.Text;
using TrendInsight.Core.Contract;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// The fields of the landing contract (<see cref="LandingContract"/>) that any feed reads, numbered so that a row
/// keeps them in a flat array. Fields a row carries beyond these are ignored.
/// </summary>
internal static class LandingField
{
    /// <summary>The names of every feed's contract fields, each once, in the order the contract first names them.</summary>
    public static readonly string[] Names = [.. LandingContract.Feeds.SelectMany(f => f.Fields).Select(f => f.Name).Distinct(StringComparer.Ordinal)];

    public static readonly int Ts = IdOf("ts");
    public static readonly int Action = IdOf("action");

    /// <summary><see cref="Names"/> in UTF-8, for matching JSON property names without decoding them.</summary>
    public static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];

    public static int Total => Names.Length;

    /// <summary>The id of <paramref name="name"/>; throws for a name outside the contract.</summary>
    public static int IdOf(string name)
    {
        var id = Array.IndexOf(Names, name);
        return id >= 0 ? id : throw new ArgumentOutOfRangeException(nameof(name), name, "not a landing field");
    }
}
