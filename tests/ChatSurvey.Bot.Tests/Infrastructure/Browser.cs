using Microsoft.Playwright;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>One headless Debian Chromium per test class, driven by Playwright; never Playwright's own browser download.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: the browser tests use Debian's Chromium. Install it with `apt-get install -y chromium` (as root, after `apt-get update`).");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The chat page in its own browser context, with the waits a person does: for the bot's next reply.</summary>
public sealed class ChatPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private ChatPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public ILocator BotMessages => Page.Locator(".msg.bot");

    public ILocator UserMessages => Page.Locator(".msg.user");

    public static async Task<ChatPage> OpenAsync(IBrowser browser, BotHost host, int width, int height, string path = "/")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "es-MX",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
        var chat = new ChatPage(context, page);
        await chat.WaitForBotCount(1);
        await Assertions.Expect(chat.BotMessages.First).ToContainTextAsync("Aviso de privacidad");
        return chat;
    }

    public Task<int> BotCount() => BotMessages.CountAsync();

    public Task<string> LastBotText() => BotMessages.Last.InnerTextAsync();

    public async Task WaitForBotCount(int atLeast) =>
        await Page.WaitForFunctionAsync("n => document.querySelectorAll('.msg.bot').length >= n", atLeast);

    /// <summary>Types into whatever has the focus (it must be the answer box), presses Enter, waits for the reply.</summary>
    public async Task TypeAnswer(string text)
    {
        await AssertInputFocused();
        var before = await BotCount();
        await Page.Keyboard.TypeAsync(text);
        await Page.Keyboard.PressAsync("Enter");
        await WaitForBotCount(before + 1);
    }

    /// <summary>Fills the answer box the ordinary way (click, fill, Enter) and waits for the reply.</summary>
    public async Task Answer(string text)
    {
        var before = await BotCount();
        await Page.FillAsync("#message", text);
        await Page.PressAsync("#message", "Enter");
        await WaitForBotCount(before + 1);
    }

    public async Task AssertInputFocused() =>
        Assert.True(await Page.EvaluateAsync<bool>("() => document.activeElement === document.querySelector('#message')"), "the focus should be in #message");

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
