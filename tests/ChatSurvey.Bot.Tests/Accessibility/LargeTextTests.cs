using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.WebChat;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatSurvey.Bot.Tests.Accessibility;

/// <summary>WCAG 1.4.4: the chat page's text at 200% on a 360 px phone loses nothing and never scrolls sideways.</summary>
public sealed class LargeTextTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Elements whose text runs past a box that hides the overflow (cut text), and elements past the window's right edge.
    private const string Cut = """
        () => [...document.querySelectorAll('body *')].filter(e => {
          const s = getComputedStyle(e);
          const hides = s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis';
          return (hides && e.scrollWidth > e.clientWidth + 1) || e.getBoundingClientRect().right > window.innerWidth + 0.5;
        }).map(e => e.tagName + '#' + e.id + '.' + e.className)
        """;

    /// <summary>The whole page scrolls at this size (chat.css), so "reachable" means: scrolled to, then not covered.</summary>
    [Fact]
    public async Task ChatPage_Text200Percent_NothingCutNothingSideways_QuestionChoicesListoAndAnswerBoxReachable()
    {
        await using var host = await BotHost.StartAsync();
        await using var chat = await ChatPage.OpenAsync(browser.Browser, host, 360, 640);
        // Text-only zoom, as Android's font size setting does: every size on the page is in rem or %.
        await chat.Page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = "html { font-size: 200%; }" });
        Assert.Equal("32px", await chat.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#message')).fontSize"));
        foreach (var answer in SurveyScript.Answers.Take(3))
        {
            await chat.Answer(answer);
        }

        await Expect(chat.BotMessages.Last).ToContainTextAsync("Pregunta 3 de 12");
        await chat.Page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/chat-360-200pct.png", Animations = ScreenshotAnimations.Disabled });
        Assert.Empty(await chat.Page.EvaluateAsync<string[]>(Cut));
        Assert.True(await chat.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360, "the page scrolls sideways");

        var last = chat.Page.Locator(".chip").Last;
        await last.ScrollIntoViewIfNeededAsync();
        await last.ClickAsync();
        await Expect(last).ToHaveAttributeAsync("aria-pressed", "true");
        foreach (var (selector, what) in new[] { (".msg.bot >> nth=-1", "the question"), (".chip-done", "Listo"), ("#message", "the answer box"), ("#restart", "Empezar de nuevo") })
        {
            Assert.True(await chat.Page.Locator(selector).EvaluateAsync<bool>(
                "e => { e.scrollIntoView({ block: e.offsetHeight > innerHeight / 2 ? 'start' : 'center' }); const r = e.getBoundingClientRect(); const hit = document.elementFromPoint(r.left + Math.min(16, r.width / 2), r.top + Math.min(16, r.height / 2)); return !!hit && (hit === e || e.contains(hit)); }"),
                $"{what} cannot be reached at 200% text");
        }
    }
}
