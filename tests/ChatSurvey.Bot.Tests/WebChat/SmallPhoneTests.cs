using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatSurvey.Bot.Tests.WebChat;

/// <summary>
/// The chat page on a cheap phone's screen (360 × 640 CSS pixels): the question and its numbered options in view
/// together, "Listo" reachable, starting over only after a question, progress, links.
/// </summary>
public sealed class SmallPhoneTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Width = 360;
    private const int Height = 640;

    // Whether a person sees this point of the element: inside the window, not scrolled out of its box, not covered.
    private const string SeenAt = """
        ([selector, which, dy]) => {
          const all = document.querySelectorAll(selector);
          const el = which === 'last' ? all[all.length - 1] : all[0];
          if (!el) return false;
          const r = el.getBoundingClientRect();
          const y = dy >= 0 ? r.top + dy : r.bottom + dy;
          const hit = document.elementFromPoint(r.left + Math.min(24, r.width / 2), y);
          return !!hit && (hit === el || el.contains(hit));
        }
        """;

    [Fact]
    public async Task Question3_At360px_QuestionNumberedChoicesAndListoInViewTogether()
    {
        await using var host = await BotHost.StartAsync();
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, Width, Height);
        await AnswerUntil(chat, "Pregunta 3 de 12");

        await AssertSeen(chat, ".msg.bot", "last", 12, "the first line of question 3");
        await AssertSeen(chat, ".chip", "first", 12, "the first choice");
        await Expect(chat.Page.Locator(".chip .num")).ToHaveTextAsync(["1", "2", "3", "4", "5", "6", "7", "8"]);
        await AssertSeen(chat, ".chip-done", "first", 12, "Listo");

        // The last choice scrolled into view: the question and "Listo" are still there.
        var other = ChatPageBrowserTests.Chip(chat.Page, "Otro ¿Cuál?");
        await other.ScrollIntoViewIfNeededAsync();
        await other.ClickAsync();
        await AssertSeen(chat, ".chip", "last", 12, "the last choice");
        await AssertSeen(chat, ".msg.bot", "last", 12, "the first line of question 3");
        await AssertSeen(chat, ".chip-done", "first", 12, "Listo");
        await chat.Page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/chat-360-q3.png", Animations = ScreenshotAnimations.Disabled });
    }

    [Fact]
    public async Task Question11_At360px_QuestionAndNumberedChoicesInViewTogether_LaterRoundsKeepOriginalNumbers()
    {
        await using var host = await BotHost.StartAsync();
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, Width, Height);
        await AnswerUntil(chat, "Pregunta 11 de 12");

        await AssertSeen(chat, ".msg.bot", "last", 12, "the first line of question 11");
        await AssertSeen(chat, ".chip", "first", 12, "the first topic");
        await Expect(chat.Page.Locator(".chip")).ToHaveCountAsync(22);
        await Expect(chat.Page.Locator(".chip .num").First).ToHaveTextAsync("1");
        await Expect(chat.Page.Locator(".chip .num").Last).ToHaveTextAsync("22");
        await chat.Page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/chat-360-q11.png", Animations = ScreenshotAnimations.Disabled });

        await chat.Answer("3 1 7");
        await Expect(chat.BotMessages.Last).ToContainTextAsync("Lugar 4 de 5");
        var numbers = await chat.Page.Locator(".chip .num").AllInnerTextsAsync();
        Assert.Equal(19, numbers.Count);
        Assert.DoesNotContain("3", numbers);
        Assert.Equal("2", numbers[0]);
        Assert.Equal("22", numbers[^1]);
        await AssertSeen(chat, ".chip", "first", 12, "the first topic left");
    }

    [Fact]
    public async Task Restart_AsksFirst_NoKeepsTheConversation_YesStartsOver()
    {
        await using var host = await BotHost.StartAsync();
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, Width, Height);
        await AnswerUntil(chat, "Pregunta 2 de 12");
        var before = await chat.BotMessages.AllInnerTextsAsync();

        await chat.Page.ClickAsync("#restart");
        var dialog = chat.Page.Locator("#confirm-restart");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("¿Empezar de nuevo?");
        await chat.Page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/chat-360-restart.png", Animations = ScreenshotAnimations.Disabled });
        await chat.Page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await chat.Page.ClickAsync("#restart");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "No, seguir" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(before, await chat.BotMessages.AllInnerTextsAsync());

        await chat.Page.ClickAsync("#restart");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Sí, empezar de nuevo" }).ClickAsync();
        await chat.Page.WaitForFunctionAsync("() => document.querySelectorAll('.msg.bot').length === 1");
        await Expect(chat.BotMessages.First).ToContainTextAsync("Aviso de privacidad");
        await Expect(chat.UserMessages).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Progress_FollowsTheQuestionNumber_AndGoesBackWithIt()
    {
        await using var host = await BotHost.StartAsync();
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, Width, Height);
        var bar = chat.Page.Locator("#progress");
        await Expect(bar).ToBeHiddenAsync();
        await AnswerUntil(chat, "Pregunta 3 de 12");
        await Expect(bar).ToHaveAttributeAsync("aria-valuenow", "3");
        await Expect(bar).ToHaveAttributeAsync("aria-valuemax", "12");
        await Expect(chat.Page.Locator("#progress-text")).ToHaveTextAsync("Pregunta 3 de 12");
        Assert.Equal("25%", await chat.Page.EvaluateAsync<string>("() => document.querySelector('#progress .fill').style.width"));

        await chat.Answer("atrás");
        await Expect(bar).ToHaveAttributeAsync("aria-valuenow", "2");
    }

    [Fact]
    public async Task PrivacyNotice_WebAddress_IsALinkToItsHttpsSite()
    {
        await using var host = await BotHost.StartAsync();
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, Width, Height);
        var link = chat.BotMessages.First.Locator("a");
        await Expect(link).ToHaveTextAsync("www.ogaipoaxaca.org.mx");
        await Expect(link).ToHaveAttributeAsync("href", "https://www.ogaipoaxaca.org.mx");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        // The sentence's full stop stays text, after the link.
        await Expect(chat.BotMessages.First).ToContainTextAsync("www.ogaipoaxaca.org.mx. ¿Aceptas");
    }

    private static async Task AnswerUntil(ChatPage chat, string question)
    {
        foreach (var answer in SurveyScript.Answers)
        {
            if ((await chat.LastBotText()).Contains(question, StringComparison.Ordinal))
            {
                return;
            }

            await chat.Answer(answer);
        }

        Assert.Fail($"the survey script never reached {question}");
    }

    private static async Task AssertSeen(ChatPage chat, string selector, string which, int dy, string what) =>
        Assert.True(await chat.Page.EvaluateAsync<bool>(SeenAt, new object[] { selector, which, dy }), $"{what} ({selector}) is not in view at {Width}×{Height}");
}
