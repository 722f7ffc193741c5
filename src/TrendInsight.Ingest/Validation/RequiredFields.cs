using TrendInsight.Core.Contract;

namespace TrendInsight.Ingest.Validation;

/// <summary>The landing contract's required fields per feed: a columnar file without one of these columns is rejected whole.</summary>
internal static class RequiredFields
{
    public static IReadOnlyList<string> For(string feed) => LandingContract.For(feed).Required;
}
