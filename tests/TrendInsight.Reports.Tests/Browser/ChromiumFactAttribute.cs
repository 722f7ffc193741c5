namespace TrendInsight.Reports.Tests.Browser;

/// <summary>
/// A fact that needs headless Chromium. Without Chromium it is skipped with a message locally, but
/// runs (and fails with a clear message) when <c>CI=true</c>, so CI never passes without the browser test.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (HeadlessChromium.Executable is null && !ci)
        {
            Skip = "Chromium is not installed (apt-get install chromium, or `make setup`); set CI=true to make this a failure.";
        }
    }
}
