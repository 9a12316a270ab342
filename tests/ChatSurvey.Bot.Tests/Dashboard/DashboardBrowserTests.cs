using System.Text;
using System.Text.RegularExpressions;
using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Storage;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatSurvey.Bot.Tests.Dashboard;

/// <summary>The dashboard in headless Debian Chromium: sign in, read, filter, download, watch it refresh, print a poster.</summary>
public sealed partial class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly DashboardSeed _seed = new();

    [Fact]
    public async Task Staff_SignInReadFilterByPromoterAndDownloadCsv()
    {
        await using var host = await SeededWithPromoters();
        var page = await Open(host, 1280, 900, "/staff");
        await SignIn(page);

        var all = new Expected(_seed);
        await Expect(Card(page, "Iniciaron")).ToHaveTextAsync(all.Started.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(Card(page, "Completaron")).ToHaveTextAsync(all.Count(SeedOutcome.Completed).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new() { Path = "/tmp/dashboard-1280.png", FullPage = true });

        await page.SelectOptionAsync("#f-promoter", "sec_mujeres");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aplicar" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PromoterInUrl());
        var mujeres = new Expected(_seed, promoter: "sec_mujeres");
        await Expect(Card(page, "Iniciaron")).ToHaveTextAsync(mujeres.Started.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await page.GetByRole(AriaRole.Link, new() { Name = "Exportar" }).ClickAsync();
        await page.SelectOptionAsync("#f-promoter", "sec_mujeres");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aplicar" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Respuestas en CSV" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("respuestas.csv", download.SuggestedFilename);
        var rows = RfcCsv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(mujeres.Responses.Count, rows.Count - 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_NewResponseArrives_FiguresUpdateWithoutReload()
    {
        await using var host = await SeededWithPromoters();
        var page = await Open(host, 1280, 900, "/staff");
        await SignIn(page);
        var started = new Expected(_seed).Started;
        await Expect(Card(page, "Iniciaron")).ToHaveTextAsync($"{started}");

        var more = new DashboardSeed(people: 3, seed: 99);
        var entries = more.Entries().Where(e => !e.Respondent.StartsWith("late", StringComparison.Ordinal) && !e.Respondent.StartsWith("again", StringComparison.Ordinal) && e.Respondent.StartsWith('p'))
            .Select(e => e with { Id = "new-" + e.Id, Respondent = "new-" + e.Respondent }).ToList();
        await host.Get<SqlResponseStore>().WriteAsync(entries, default);
        await Expect(Card(page, "Iniciaron")).ToHaveTextAsync($"{started + 3}", new() { Timeout = 12_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_OnA360PixelPhone_NothingWiderThanTheScreen()
    {
        await using var host = await SeededWithPromoters();
        var page = await Open(host, 360, 740, "/staff");
        await SignIn(page);
        await page.ScreenshotAsync(new() { Path = "/tmp/dashboard-360.png", FullPage = true });
        foreach (var path in new[] { "/staff", "/staff/results", "/staff/promoters/radio_ixtlan", "/staff/texts?field=q9.problema_1", "/staff/texts?field=q10", "/staff/exports", "/staff/admin/delete", "/resultados", "/resultados/datos" })
        {
            await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
            await Expect(page.Locator("h1")).ToBeVisibleAsync();
            var wide = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('body *')].filter(e => !e.closest('.scroll') && e.getBoundingClientRect().right > window.innerWidth + 0.5).map(e => e.tagName + '.' + e.className)");
            Assert.True(wide.Length == 0, $"{path}: {string.Join(", ", wide)}");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Poster_PrintedToA4_OnePage()
    {
        await using var host = await SeededWithPromoters();
        var page = await Open(host, 1280, 900, "/staff/promoters/radio_ixtlan/poster");
        await SignIn(page);
        await Expect(page.Locator(".main-qr img")).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.Equal(1, StaffPages.PdfPages(pdf));
        await page.Context.CloseAsync();
    }

    private async Task<BotHost> SeededWithPromoters()
    {
        var host = await StaffAccounts.StartSeededAsync(_seed);
        var promoters = host.Get<PromoterStore>();
        await promoters.CreateAsync("radio_ixtlan", "Radio Ixtlán", "Radio comunitaria de la Sierra Norte", default);
        await promoters.CreateAsync("sec_mujeres", "Secretaría de las Mujeres", "Gobierno del Estado de Oaxaca", default);
        return host;
    }

    private Task<IPage> Open(BotHost host, int width, int height, string path) => StaffPages.OpenAsync(browser.Browser, host, width, height, path);

    private static Task SignIn(IPage page) => StaffPages.SignInAsync(page);

    private static ILocator Card(IPage page, string title) => StaffPages.Card(page, title);

    [GeneratedRegex("promoter=sec_mujeres")]
    private static partial Regex PromoterInUrl();

}
