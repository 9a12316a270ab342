using ChatSurvey.Bot.Tests.Infrastructure;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ChatSurvey.Bot.Tests.Telegram;

public sealed class TelegramDeliveryTests(TelegramBotFixture fixture) : IClassFixture<TelegramBotFixture>
{
    private TelegramTestBot Bot => fixture.Bot;

    [Fact]
    public async Task Send_TooManyRequestsWithRetryAfter_WaitsRetriesAndDeliversOnce()
    {
        var chat = Bot.NewChat();
        Bot.Api.Fail("sendMessage", chat.Id, times: 1, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        await chat.Type("/start", "Aviso de privacidad");

        await chat.Type("estado", "Responde 1 (Sí) o 2 (No)");
        var attempts = Bot.Api.Calls("sendMessage").Where(c => c.ChatId == chat.Id).ToList();
        Assert.Equal([429, 200, 200], attempts.Select(c => c.Status));
        Assert.Equal(attempts[0].Text, attempts[1].Text);
        Assert.Single(chat.Messages, m => m.Text.Contains("Aviso de privacidad", StringComparison.Ordinal));
        var metrics = await Bot.Host.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.True(PrometheusText.Value(metrics, "chatsurvey_sender_throttled_total", "channel=\"telegram\"") >= 1, metrics);
    }

    [Fact]
    public async Task Client_TooManyRequests_ThrowsAtOnceInsteadOfSleepingInTheCall()
    {
        // Were the library's own retry on, this call would sleep 30 s inside SendMessage and then succeed.
        var chat = Bot.NewChat();
        Bot.Api.Fail("sendMessage", chat.Id, times: 1, 429, "Too Many Requests: retry after 30", retryAfter: 30);
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.Host.Get<ITelegramBotClient>().SendMessage(chat.Id, "hola"));
        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(30, error.Parameters?.RetryAfter);
        Assert.Single(Bot.Api.Calls("sendMessage"), c => c.ChatId == chat.Id);
    }

    /// <summary>The fixture's sweeper would send it again only after 30 s: arriving sooner, it was the prompt retry.</summary>
    [Fact]
    public async Task Send_ConnectionDroppedMidRequest_RetriedAtOnceAndDeliveredOnce()
    {
        var chat = Bot.NewChat();
        Bot.Api.Drop("sendMessage", chat.Id, times: 1);
        await chat.Type("/start", "Aviso de privacidad");
        Assert.Single(chat.Messages, m => m.Text.Contains("Aviso de privacidad", StringComparison.Ordinal));
        Assert.Equal([0, 200], Bot.Api.Calls("sendMessage").Where(c => c.ChatId == chat.Id).Select(c => c.Status));
    }

    [Fact]
    public async Task Send_ServerErrors_RetriedWithBackoffAndDeliveredOnce()
    {
        var chat = Bot.NewChat();
        Bot.Api.Fail("sendMessage", chat.Id, times: 2, 502, "Bad Gateway");
        await chat.Type("/start", "Aviso de privacidad");
        Assert.Equal([502, 502, 200], Bot.Api.Calls("sendMessage").Where(c => c.ChatId == chat.Id).Select(c => c.Status));
    }

    [Fact]
    public async Task Webhook_ParallelOutOfOrderUpdatesFromOneChat_EachAppliedOnce()
    {
        var chat = Bot.NewChat();
        await chat.Type("/start", "Aviso de privacidad");
        foreach (var answer in new[] { "si", "si", "no", "1", "bueno" })
        {
            await chat.Type(answer);
        }

        await chat.WaitFor(0, "Pregunta 5 de 12");
        var before = chat.Messages.Count;

        // Five rows of question 5, delivered at once and with their update ids out of order.
        var first = TelegramTestBot.NextUpdateId();
        for (var i = 0; i < 10; i++)
        {
            TelegramTestBot.NextUpdateId();
        }

        var updates = new[] { (4, "E"), (1, "B"), (3, "R"), (0, "M"), (2, "P") }
            .Select(u => TelegramUpdates.Text(first + u.Item1, chat.Id, u.Item2)).ToList();
        await Task.WhenAll(updates.Select(chat.Post));
        await chat.WaitFor(before, "Pregunta 6 de 12");
        // Redelivered, again all at once: nothing changes.
        var version = (await Bot.ConversationAsync(chat.Id)).Version;
        await Task.WhenAll(updates.Select(chat.Post));
        Assert.Equal(version, (await Bot.ConversationAsync(chat.Id)).Version);

        var state = (await Bot.ConversationAsync(chat.Id)).State;
        // Question 5 is the sixth in the list (3's follow-up comes before it); the grid has one rating per row.
        Assert.Equal(6, state.Question);
        Assert.Equal("0,1,2,3,4", string.Join(',', state.AnswerAt(5)!.Choices.Order()));

        // Four row prompts and question 6, each once; then the status reply and its repeat of question 6.
        await chat.Type("estado", "Vas en la pregunta 6 de 12");
        await chat.WaitFor(before + 6, "Pregunta 6 de 12");
        Assert.Equal(7, chat.Messages.Count - before);
    }
}
