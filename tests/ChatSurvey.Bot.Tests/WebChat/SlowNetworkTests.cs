using System.Globalization;
using System.Text.Json;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChatSurvey.Bot.Tests.WebChat;

/// <summary>
/// The chat page's first load on a slow mobile network and a slow phone, through Chromium's own throttling (DevTools
/// protocol): the bytes it costs are asserted (under 50 KB to the first question); the time to the first question is
/// measured and printed, never asserted (README, "HTTP endpoints"; bench/README.md).
/// </summary>
public sealed class SlowNetworkTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int ByteBudget = 50_000;

    // Records when the first bot message enters the page, from the page's own clock (navigation start = 0).
    private const string FirstQuestionClock = """
        new MutationObserver((_, observer) => {
          if (document.querySelector('.msg.bot')) { window.firstQuestionAt = performance.now(); observer.disconnect(); }
        }).observe(document, { childList: true, subtree: true });
        """;

    /// <param name="latency">Round-trip time added to every request, ms.</param>
    /// <param name="kilobits">Down and up, kbit/s.</param>
    [Theory]
    [InlineData("3G slow (WebPageTest): 400 ms, 400 kbit/s, CPU ÷4", 400, 400)]
    [InlineData("Slow 3G (Chrome DevTools): 2,000 ms, 400 kbit/s, CPU ÷4", 2000, 400)]
    public async Task FirstVisit_SlowNetworkAndPhone_UnderFiftyKilobytesToTheFirstQuestion(string profile, int latency, int kilobits)
    {
        await using var host = await BotHost.StartAsync();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 640 }, Locale = "es-MX" });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        var bytes = 0L;
        var requests = 0;
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            Interlocked.Add(ref bytes, (long)e!.Value.GetProperty("encodedDataLength").GetDouble());
            Interlocked.Increment(ref requests);
        };
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = latency,
            ["downloadThroughput"] = kilobits * 1000 / 8,
            ["uploadThroughput"] = kilobits * 1000 / 8,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new Dictionary<string, object> { ["rate"] = 4 });
        await page.AddInitScriptAsync(FirstQuestionClock);

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => window.firstQuestionAt !== undefined", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        var firstQuestion = await page.EvaluateAsync<double>("() => window.firstQuestionAt");
        Assert.Contains("Aviso de privacidad", await page.Locator(".msg.bot").First.InnerTextAsync(), StringComparison.Ordinal);

        // Every response the first question needed has finished by now (the page only renders what it received).
        var transferred = Interlocked.Read(ref bytes);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{profile}: first question at {firstQuestion / 1000:0.00} s after navigation; {transferred:N0} bytes in {requests} responses (uncompressed; Caddy compresses in a deployment)"));
        Assert.True(transferred < ByteBudget, $"{transferred} bytes to the first question (budget {ByteBudget})");
        Assert.True(requests >= 4, $"only {requests} responses counted: the page, its style, its script and the bot's");
    }
}
