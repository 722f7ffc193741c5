using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrendInsight.Reports.Tests.Browser;

/// <summary>
/// Debian's headless Chromium driven over the Chrome DevTools Protocol (a WebSocket and JSON), so a
/// test can see console errors, network requests and the DOM, and take screenshots.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process process;
    private readonly string profile;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    private readonly CancellationTokenSource stop = new();
    private readonly object gate = new();
    private readonly List<JsonObject> events = [];
    private Task? receiveLoop;
    private int nextId;

    private HeadlessChromium(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>The Chromium binary: <c>CHROMIUM</c> when set, otherwise Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string? Executable
    {
        get
        {
            var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
            return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
        }
    }

    /// <summary>Events received so far (method and params).</summary>
    public IReadOnlyList<JsonObject> Events
    {
        get
        {
            lock (gate)
            {
                return events.ToList();
            }
        }
    }

    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken)
    {
        var exe = Executable ?? throw new InvalidOperationException("Chromium is not installed (apt-get install chromium).");
        var profile = Path.Combine(Path.GetTempPath(), "ti-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--remote-debugging-port=0", "--remote-allow-origins=*", "--window-size=1280,900",
            "--user-data-dir=" + profile, "about:blank",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {exe}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync(cancellationToken);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }

        return browser;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        string[] lines = [];
        while (lines.Length < 2)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before it opened the DevTools port.");
            }

            if (File.Exists(portFile))
            {
                lines = (await File.ReadAllTextAsync(portFile, cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }

            if (lines.Length < 2)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        var port = int.Parse(lines[0].Trim(), CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        string? pageSocket = null;
        while (pageSocket is null)
        {
            var list = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken))!.AsArray();
            pageSocket = list.Select(n => n!.AsObject())
                .FirstOrDefault(o => (string?)o["type"] == "page")?["webSocketDebuggerUrl"]?.GetValue<string>();
            if (pageSocket is null)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        await socket.ConnectAsync(new Uri(pageSocket), cancellationToken);
        receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
    }

    /// <summary>Sends a command and returns its <c>result</c>; a protocol error throws.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref nextId);
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = tcs;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        using var registration = cancellationToken.Register(() => tcs.TrySetCanceled(cancellationToken));
        var response = await tcs.Task;
        if (response["error"] is JsonNode error)
        {
            throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        }

        return response["result"]?.AsObject() ?? new JsonObject();
    }

    /// <summary>Evaluates an expression in the page and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        }, cancellationToken);
        if (result["exceptionDetails"] is JsonNode details)
        {
            throw new InvalidOperationException($"Evaluating {expression} threw: {details.ToJsonString()}");
        }

        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>Waits until an event with <paramref name="method"/> has arrived after the first <paramref name="skip"/> events.</summary>
    public async Task WaitForEventAsync(string method, int skip, CancellationToken cancellationToken)
    {
        while (!Events.Skip(skip).Any(e => (string?)e["method"] == method))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="expression"/> evaluates to true in the page.</summary>
    public async Task WaitUntilAsync(string expression, CancellationToken cancellationToken)
    {
        while (true)
        {
            JsonNode? value = null;
            try
            {
                value = await EvaluateAsync(expression, cancellationToken);
            }
            catch (InvalidOperationException) when (!cancellationToken.IsCancellationRequested)
            {
                // The page may be between documents (execution context destroyed); ask again.
            }

            if (value is JsonValue v && v.TryGetValue<bool>(out var ok) && ok)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>A PNG screenshot of the viewport, or of the whole page when <paramref name="fullPage"/>.</summary>
    public async Task<byte[]> ScreenshotAsync(bool fullPage, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject { ["format"] = "png" };
        if (fullPage)
        {
            var metrics = await SendAsync("Page.getLayoutMetrics", null, cancellationToken);
            var size = metrics["cssContentSize"] ?? metrics["contentSize"];
            parameters["captureBeyondViewport"] = true;
            parameters["clip"] = new JsonObject
            {
                ["x"] = 0,
                ["y"] = 0,
                ["width"] = size!["width"]!.GetValue<double>(),
                ["height"] = size["height"]!.GetValue<double>(),
                ["scale"] = 1,
            };
        }

        var result = await SendAsync("Page.captureScreenshot", parameters, cancellationToken);
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    /// <summary>A PNG screenshot of a page region in CSS pixels from the top of the document.</summary>
    public async Task<byte[]> ScreenshotRegionAsync(double x, double y, double width, double height, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = x, ["y"] = y, ["width"] = width, ["height"] = height, ["scale"] = 1 },
        }, cancellationToken);
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open && !stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (node["id"] is JsonNode idNode && pending.TryRemove(idNode.GetValue<int>(), out var tcs))
                {
                    tcs.TrySetResult(node);
                }
                else if (node["method"] is not null)
                {
                    lock (gate)
                    {
                        events.Add(node);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The browser went away or the test is done.
        }
        finally
        {
            foreach (var tcs in pending.Values)
            {
                tcs.TrySetException(new InvalidOperationException("The DevTools connection closed."));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Closing is best effort; the process is killed next.
        }

        if (receiveLoop is not null)
        {
            await receiveLoop;
        }

        socket.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        stop.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; the temp folder is cleaned by the OS.
        }
    }
}
