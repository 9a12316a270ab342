using ChatSurvey.Bot.Dashboard.Promoters;
using ChatSurvey.Bot.Tests.Dashboard;
using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.WebChat;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatSurvey.Bot.Tests.Accessibility;

/// <summary>
/// The pages anyone can open, checked by axe-core in Chromium: the chat page through its states (privacy notice, a
/// multiple choice with its tray and progress, a grid, the restart dialog), the sign-in page, a promoter's private page
/// and poster. No serious or critical violation.
/// </summary>
public sealed class PublicPagesAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ChatPage_EveryState_NoSeriousViolations()
    {
        await using var host = await BotHost.StartAsync();
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, 360, 640);
        await AxeCheck.AssertNoSeriousViolations(chat.Page, "the privacy notice");

        foreach (var answer in SurveyScript.Answers.Take(3))
        {
            await chat.Answer(answer);
        }

        await Expect(chat.BotMessages.Last).ToContainTextAsync("Pregunta 3 de 12");
        await ChatPageBrowserTests.Chip(chat.Page, "Radio").ClickAsync();
        await AxeCheck.AssertNoSeriousViolations(chat.Page, "question 3 with a choice pressed");

        foreach (var answer in SurveyScript.Answers.Skip(3).Take(3))
        {
            await chat.Answer(answer);
        }

        await Expect(chat.BotMessages.Last).ToContainTextAsync("Pregunta 5 de 12");
        await AxeCheck.AssertNoSeriousViolations(chat.Page, "the grid of question 5");

        await chat.Page.ClickAsync("#restart");
        await Expect(chat.Page.Locator("#confirm-restart")).ToBeVisibleAsync();
        await AxeCheck.AssertNoSeriousViolations(chat.Page, "the restart dialog");
    }

    [Fact]
    public async Task SignInPage_WithAndWithoutAccounts_NoSeriousViolations()
    {
        await using (var host = await BotHost.StartAsync(StaffAccounts.Settings()))
        {
            await CheckPage(host, "/staff/login", "the sign-in page");
        }

        var file = Path.Combine(Path.GetTempPath(), $"no-staff-{Guid.NewGuid():N}.json");
        await using (var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Staff:File"] = file }))
        {
            // Development without accounts has its local admin: a wrong password shows the error message.
            var page = await OpenAsync(host, "/staff/login");
            await page.FillAsync("#name", "nadie");
            await page.FillAsync("#password", "no es la contraseña");
            await page.ClickAsync("button[type=submit]");
            await Expect(page.Locator(".error")).ToBeVisibleAsync();
            await AxeCheck.AssertNoSeriousViolations(page, "the sign-in page with its error");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task PromoterPrivatePageAndPoster_NoSeriousViolations()
    {
        await using var host = await StaffAccounts.StartSeededAsync(null, new() { ["Dashboard:PublicBaseUrl"] = "https://encuesta.example.org" });
        var promoter = await host.Get<PromoterStore>().CreateAsync("radio_ixtlan", "Radio Ixtlán", "Radio comunitaria", default);
        await CheckPage(host, $"/p/{promoter!.StatsToken}", "a promoter's private page");
        await CheckPage(host, $"/p/{promoter.StatsToken}/poster", "a promoter's poster");
    }

    private async Task CheckPage(BotHost host, string path, string what)
    {
        var page = await OpenAsync(host, path);
        await AxeCheck.AssertNoSeriousViolations(page, what);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(BotHost host, string path)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 640 }, Locale = "es-MX" });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(new Uri(host.BaseAddress, path).ToString());
        Assert.True(response?.Ok, $"{path}: {response?.Status}");
        return page;
    }
}
