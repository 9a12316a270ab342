using System.Text.RegularExpressions;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatSurvey.Bot.Tests.WebChat;

/// <summary>The chat page in headless Debian Chromium against the real bot: what a person on a phone does.</summary>
public sealed class ChatPageBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Screenshot = "/tmp/chat-q5.png";

    [Fact]
    public async Task ChatPage_WholeFormByKeyboardAlone_ResponseLandsInSqlite()
    {
        await using var host = await BotHost.StartAsync();
        await host.AddPromoterAsync("radio_ixtlan");
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, 360, 740, "/?ref=radio_ixtlan");

        // Consent by its chip: Tab until "Sí, acepto" has the focus, then Enter; the focus comes back to the answer box.
        await TabUntil(chat.Page, "() => document.activeElement.matches('.chip') && document.activeElement.textContent === 'Sí, acepto'");
        var before = await chat.BotCount();
        await chat.Page.Keyboard.PressAsync("Enter");
        await chat.WaitForBotCount(before + 1);
        await chat.AssertInputFocused();
        await Expect(chat.UserMessages.Last).ToHaveTextAsync("Sí, acepto");
        await Expect(chat.BotMessages.Last).ToContainTextAsync("Pregunta 1 de 12");

        foreach (var answer in SurveyScript.Answers.Skip(1))
        {
            await chat.TypeAnswer(answer);
            await chat.AssertInputFocused();
            if (answer == "bueno")
            {
                await Expect(chat.BotMessages.Last).ToContainTextAsync("Pregunta 5 de 12");
                await chat.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot, Animations = ScreenshotAnimations.Disabled });
            }
        }

        Assert.Contains("gracias", await chat.LastBotText(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await chat.Page.Locator(".note").AllInnerTextsAsync());

        var responses = await Eventually.Get(() => host.QueryAsync("SELECT channel, promoter, language FROM responses"), r => r.Count > 0, "the response in SQLite");
        Assert.Equal(["web", "radio_ixtlan", "es"], Assert.Single(responses));
        var values = (await host.QueryAsync("SELECT question, COALESCE(row_code, ''), COALESCE(CAST(rank AS TEXT), ''), COALESCE(option_code, ''), COALESCE(text, '') FROM answer_values ORDER BY seq"))
            .Select(v => string.Join('|', v)).ToList();
        Assert.Contains("q1|||si|", values);
        Assert.Contains("q3|||television|", values);
        Assert.Contains("q3_otro||||Perifoneo", values);
        Assert.Contains("q5|transparencia||B|", values);
        Assert.Contains("q9|problema_1|||Falta de agua", values);
        Assert.Contains("q11||1|movilidad_transporte|", values);
        Assert.Contains("q12_contacto|||no|", values);
    }

    [Fact]
    public async Task ChatPage_MultipleChoiceChips_SendChosenValues()
    {
        await using var host = await BotHost.StartAsync();
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, 360, 740);
        foreach (var answer in SurveyScript.Answers.Take(3))
        {
            await chat.Answer(answer);
        }

        await Expect(chat.BotMessages.Last).ToContainTextAsync("Pregunta 3 de 12");
        var done = chat.Page.Locator(".chip-done");
        await Expect(done).ToBeDisabledAsync();
        var television = Chip(chat.Page, "Televisión");
        var other = Chip(chat.Page, "Otro ¿Cuál?");
        await television.ClickAsync();
        await other.ClickAsync();
        await Expect(television).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(other).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(done).ToBeEnabledAsync();

        var before = await chat.BotCount();
        await done.ClickAsync();
        await chat.WaitForBotCount(before + 1);
        await Expect(chat.UserMessages.Last).ToHaveTextAsync("Televisión, Otro ¿Cuál?");
        await Expect(chat.BotMessages.Last).ToContainTextAsync("¿Cuál?");
        await Expect(chat.Page.Locator("#options")).ToBeHiddenAsync();
        await chat.AssertInputFocused();
    }

    [Fact]
    public async Task ChatPage_Reload_KeepsTranscriptAndDoesNotRestart()
    {
        await using var host = await BotHost.StartAsync();
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, 360, 740);
        await chat.Answer("si");
        await chat.Answer("Sí");
        await Expect(chat.BotMessages.Last).ToContainTextAsync("Pregunta 2 de 12");
        var bots = await chat.BotMessages.AllInnerTextsAsync();
        var users = await chat.UserMessages.AllInnerTextsAsync();

        await chat.Page.ReloadAsync();
        await chat.WaitForBotCount(bots.Count);
        await Expect(chat.Page.Locator(".chip")).ToHaveCountAsync(2); // the yes/no chips of question 2 come back
        Assert.Equal(bots, await chat.BotMessages.AllInnerTextsAsync());
        Assert.Equal(users, await chat.UserMessages.AllInnerTextsAsync());

        await chat.Answer("no");
        await Expect(chat.BotMessages.Last).ToContainTextAsync("Pregunta 3 de 12");
        Assert.Equal(1, await chat.BotMessages.Filter(new LocatorFilterOptions { HasText = "Aviso de privacidad" }).CountAsync());
        Assert.Equal([.. users, "no"], await chat.UserMessages.AllInnerTextsAsync());
    }

    [Fact]
    public async Task ChatPage_NarrowPhone_NoHorizontalScroll()
    {
        await using var host = await BotHost.StartAsync();
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, 320, 568);
        var upToQuestion11 = SurveyScript.Answers.Take(SurveyScript.Answers.ToList().IndexOf("3 1 7"));
        foreach (var answer in upToQuestion11)
        {
            await chat.Answer(answer);
        }

        await Expect(chat.BotMessages.Last).ToContainTextAsync("Pregunta 11 de 12");
        await Expect(chat.Page.Locator(".chip").First).ToBeVisibleAsync();
        Assert.True(await chat.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 320, "the page scrolls sideways");
        var log = await chat.Page.EvaluateAsync<int[]>("() => { const t = document.querySelector('#transcript'); return [t.scrollWidth, t.clientWidth]; }");
        Assert.True(log[0] <= log[1], $"the transcript scrolls sideways: {log[0]} > {log[1]}");
        var wide = await chat.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5).map(e => e.tagName + '.' + e.className)");
        Assert.Empty(wide);
    }

    /// <summary>The choice labelled <paramref name="label"/>, with or without the number it shows ("1 Televisión").</summary>
    public static ILocator Chip(IPage page, string label) =>
        page.Locator(".chip").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^(\\S{{1,3}} )?{Regex.Escape(label)}$") });

    private static async Task TabUntil(IPage page, string condition)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>(condition))
            {
                return;
            }
        }

        Assert.Fail($"40 presses of Tab never reached: {condition}");
    }
}
