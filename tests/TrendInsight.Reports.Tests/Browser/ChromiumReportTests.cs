using System.Text.Json.Nodes;
using TrendInsight.Reports.Model;
using TrendInsight.Reports.Rendering;
using TrendInsight.Reports.Tests.TestData;

namespace TrendInsight.Reports.Tests.Browser;

/// <summary>Opens rendered reports from a file:// URL in headless Chromium and checks what a reader would see.</summary>
public sealed class ChromiumReportTests
{
    private static readonly string OutputFolder = Path.Combine(AppContext.BaseDirectory, "report-output");

    [ChromiumFact]
    public async Task Render_FullReportInChromium_LoadsOfflineWithChartsAndNoScriptInjection()
    {
        var page = await OpenAsync(SampleReports.Full(), "trend-report-full");

        Assert.True(page.ConsoleErrors.Count == 0, "console errors: " + string.Join(" | ", page.ConsoleErrors));
        Assert.True(page.Requests.Count == 0, "network requests: " + string.Join(" | ", page.Requests));
        Assert.Equal(0, page.Dom["xss"]!.GetValue<int>());

        // One overview chart and one per topic with a series (all six sample topics), each drawn as SVG with paths.
        Assert.Equal(7, page.Dom["charts"]!.GetValue<int>());
        Assert.Equal(7, page.Dom["renderedCharts"]!.GetValue<int>());
        Assert.Equal(0, page.Dom["emptyCharts"]!.GetValue<int>());
        Assert.Equal(6 + 2, page.Dom["sparklines"]!.GetValue<int>());

        var text = page.Dom["text"]!.GetValue<string>();
        Assert.Contains(SampleReports.ScriptComment, text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=", text, StringComparison.Ordinal);
        Assert.Contains("</script><script>window.__xss=3</script>復古", text, StringComparison.Ordinal);
        Assert.Contains("<svg onload=alert(1)>", text, StringComparison.Ordinal);
        Assert.Equal(0, page.Dom["injectedElements"]!.GetValue<int>());

        // What the reader sees first: the headline and the top of the rising topics table.
        Assert.True(page.Dom["headlineTop"]!.GetValue<double>() < page.Dom["risingTop"]!.GetValue<double>());
        Assert.True(page.Dom["risingTop"]!.GetValue<double>() < 900, "the rising topics table starts below the first screen");
        Assert.True(new FileInfo(page.Screenshot).Length > 10_000);
        Assert.True(new FileInfo(page.FullScreenshot).Length > new FileInfo(page.Screenshot).Length);

        // Printable: printing with the print stylesheet on A4 yields a PDF (kept beside the screenshots).
        var pdf = await File.ReadAllBytesAsync(page.Pdf);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.True(page.PrintOverflow.Length == 0, "wider than the printed page: " + page.PrintOverflow);
    }

    [ChromiumFact]
    public async Task Render_EmptyPeriodInChromium_ShowsNotEnoughDataWithoutErrors()
    {
        var page = await OpenAsync(SampleReports.Empty(), "trend-report-empty");

        Assert.True(page.ConsoleErrors.Count == 0, "console errors: " + string.Join(" | ", page.ConsoleErrors));
        Assert.Empty(page.Requests);
        Assert.Equal(0, page.Dom["charts"]!.GetValue<int>());
        Assert.Contains(ReportText.NotEnoughData, page.Dom["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task Render_SingleDayInChromium_ShowsNotEnoughDataInsteadOfChart()
    {
        var page = await OpenAsync(SampleReports.SingleDay(), "trend-report-single-day");

        Assert.True(page.ConsoleErrors.Count == 0, "console errors: " + string.Join(" | ", page.ConsoleErrors));
        Assert.Empty(page.Requests);
        Assert.Equal(0, page.Dom["charts"]!.GetValue<int>());
        var text = page.Dom["text"]!.GetValue<string>();
        Assert.Contains("兴趣走势：" + ReportText.NotEnoughData, text, StringComparison.Ordinal);
        Assert.Contains("该话题的数据没有人群信息", text, StringComparison.Ordinal);
    }

    private static async Task<PageResult> OpenAsync(TrendReport report, string name)
    {
        Directory.CreateDirectory(OutputFolder);
        var htmlPath = Path.Combine(OutputFolder, name + ".html");
        await File.WriteAllTextAsync(htmlPath, new HtmlReportRenderer().RenderToString(report));
        var url = new Uri(htmlPath).AbsoluteUri;

        // A guard against a hung browser, not a speed assertion.
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var browser = await HeadlessChromium.StartAsync(ct);
        await browser.SendAsync("Runtime.enable", null, ct);
        await browser.SendAsync("Log.enable", null, ct);
        await browser.SendAsync("Network.enable", null, ct);
        await browser.SendAsync("Page.enable", null, ct);
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = 1280, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        }, ct);
        var before = browser.Events.Count;
        await browser.SendAsync("Page.navigate", new JsonObject { ["url"] = url }, ct);
        await browser.WaitForEventAsync("Page.loadEventFired", before, ct);
        await browser.WaitUntilAsync("window.__reportReady === true", ct);

        var dom = (await browser.EvaluateAsync(
            """
            (() => {
              const charts = [...document.querySelectorAll('.chart')];
              const rendered = charts.filter(c => c.getAttribute('data-rendered') === 'true'
                && c.querySelector('svg') && c.querySelectorAll('svg path').length > 0);
              const empty = charts.filter(c => { const r = c.getBoundingClientRect(); return r.width === 0 || r.height === 0; });
              const top = id => { const e = document.getElementById(id); return e ? e.getBoundingClientRect().top : -1; };
              return {
                charts: charts.length,
                renderedCharts: rendered.length,
                emptyCharts: empty.length,
                sparklines: document.querySelectorAll('svg.spark polyline').length,
                xss: window.__xss === undefined ? 0 : 1,
                injectedElements: document.querySelectorAll('main img, main script, main svg[onload], blockquote b').length,
                headlineTop: top('headline'),
                risingTop: top('rising'),
                text: document.body.innerText
              };
            })()
            """, ct))!.AsObject();

        var screenshot = Path.Combine(OutputFolder, name + ".png");
        await File.WriteAllBytesAsync(screenshot, await browser.ScreenshotAsync(fullPage: false, ct), ct);
        var full = Path.Combine(OutputFolder, name + "-full.png");
        await File.WriteAllBytesAsync(full, await browser.ScreenshotAsync(fullPage: true, ct), ct);

        var card = await browser.EvaluateAsync(
            "(() => { const e = document.getElementById('topic-1'); if (!e) return null; const r = e.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()", ct);
        if (card is JsonArray rect)
        {
            var png = await browser.ScreenshotRegionAsync(rect[0]!.GetValue<double>(), rect[1]!.GetValue<double>(), rect[2]!.GetValue<double>(), rect[3]!.GetValue<double>(), ct);
            await File.WriteAllBytesAsync(Path.Combine(OutputFolder, name + "-topic-1.png"), png, ct);
        }

        var pdf = await browser.SendAsync("Page.printToPDF", new JsonObject { ["paperWidth"] = 8.27, ["paperHeight"] = 11.69, ["printBackground"] = true }, ct);
        var pdfPath = Path.Combine(OutputFolder, name + ".pdf");
        await File.WriteAllBytesAsync(pdfPath, Convert.FromBase64String(pdf["data"]!.GetValue<string>()), ct);

        // Print layout: the A4 text width (about 700 CSS px) with print media; charts must fit inside it.
        await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = 700, ["height"] = 1000, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        }, ct);
        await browser.SendAsync("Emulation.setEmulatedMedia", new JsonObject { ["media"] = "print" }, ct);
        var overflowing = (await browser.EvaluateAsync(
            "[...document.querySelectorAll('.chart svg, table, article.card, section.card')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(e => (e.id || e.parentElement.id || e.tagName) + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')", ct))!.GetValue<string>();
        var printCard = await browser.EvaluateAsync(
            "(() => { const e = document.getElementById('topic-1'); if (!e) return null; const r = e.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.width, r.height]; })()", ct);
        if (printCard is JsonArray printRect)
        {
            var png = await browser.ScreenshotRegionAsync(printRect[0]!.GetValue<double>(), printRect[1]!.GetValue<double>(), printRect[2]!.GetValue<double>(), printRect[3]!.GetValue<double>(), ct);
            await File.WriteAllBytesAsync(Path.Combine(OutputFolder, name + "-print-topic-1.png"), png, ct);
        }

        var events = browser.Events;
        var consoleErrors = events
            .Where(e => ((string?)e["method"] == "Runtime.consoleAPICalled" && (string?)e["params"]?["type"] is "error" or "assert")
                || (string?)e["method"] == "Runtime.exceptionThrown"
                || ((string?)e["method"] == "Log.entryAdded" && (string?)e["params"]?["entry"]?["level"] == "error"))
            .Select(e => e["params"]!.ToJsonString())
            .ToList();
        var requests = events
            .Where(e => (string?)e["method"] == "Network.requestWillBeSent")
            .Select(e => (string?)e["params"]?["request"]?["url"] ?? string.Empty)
            .Where(u => u != url && !u.StartsWith("data:", StringComparison.Ordinal))
            .ToList();
        return new PageResult(dom, consoleErrors, requests, screenshot, full, pdfPath, overflowing);
    }

    private sealed record PageResult(JsonObject Dom, IReadOnlyList<string> ConsoleErrors, IReadOnlyList<string> Requests, string Screenshot, string FullScreenshot, string Pdf, string PrintOverflow);
}
