using System.Text;

namespace TrendInsight.Ingest.Validation;

/// <summary>
/// The fields of the landing contract that any feed reads, numbered so that a row keeps them in a flat
/// array. Fields a row carries beyond these are ignored.
/// </summary>
internal static class LandingField
{
    public const int EventId = 0;
    public const int ContentId = 1;
    public const int ProductId = 2;
    public const int Ts = 3;
    public const int Query = 4;
    public const int Count = 5;
    public const int Text = 6;
    public const int Likes = 7;
    public const int Action = 8;
    public const int Gmv = 9;
    public const int Title = 10;
    public const int Tags = 11;
    public const int AuthorId = 12;
    public const int Category = 13;
    public const int Platform = 14;
    public const int Price = 15;
    public const int Sales = 16;
    public const int ShopId = 17;
    public const int UserId = 18;
    public const int AgeBand = 19;
    public const int Gender = 20;
    public const int CityTier = 21;

    /// <summary>Field names in id order, as the contract spells them.</summary>
    public static readonly string[] Names =
    [
        "event_id", "content_id", "product_id", "ts", "query", "count", "text", "likes", "action", "gmv", "title", "tags",
        "author_id", "category", "platform", "price", "sales", "shop_id", "user_id", "age_band", "gender", "city_tier",
    ];

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
