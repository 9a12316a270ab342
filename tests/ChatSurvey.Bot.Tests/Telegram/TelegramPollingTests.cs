using System.Net;

namespace ChatSurvey.Bot.Tests.Telegram;

public sealed class TelegramPollingTests
{
    [Fact]
    public async Task Polling_UpdatesFromGetUpdates_TakeTheWebhookPathAndAreConfirmed()
    {
        await using var bot = await TelegramTestBot.StartAsync(new Dictionary<string, string?> { ["Telegram:Mode"] = "Polling" });
        var chat = bot.NewChat();
        await bot.Host.AddPromoterAsync("sec_mujeres");
        var start = TelegramTestBot.NextUpdateId();
        var consent = TelegramTestBot.NextUpdateId();
        bot.Api.Enqueue(TelegramUpdates.Text(start, chat.Id, "/start sec_mujeres"));
        await chat.WaitFor(0, "Aviso de privacidad");
        bot.Api.Enqueue(TelegramUpdates.Text(consent, chat.Id, "si"));
        await chat.WaitFor(1, "Pregunta 1 de 12");

        Assert.Equal("sec_mujeres", (await bot.ConversationAsync(chat.Id)).State.Promoter);
        // The next poll confirms both updates with its offset, so Telegram would not send them again.
        await bot.Api.WaitAsync(api => api.Calls("getUpdates").FirstOrDefault(c => c.Parameters["offset"]?.GetValue<long>() == consent + 1), "the confirming offset");
        var polled = bot.Api.Calls("getUpdates")[0].Parameters["allowed_updates"]!.AsArray().Select(u => u!.ToString());
        Assert.Equal(["message", "callback_query", "my_chat_member"], polled);

        using var webhook = await bot.PostAsync(TelegramUpdates.Text(TelegramTestBot.NextUpdateId(), chat.Id, "si"));
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
    }
}
