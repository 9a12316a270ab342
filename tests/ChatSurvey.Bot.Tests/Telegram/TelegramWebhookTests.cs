using System.Net;
using System.Text;

namespace ChatSurvey.Bot.Tests.Telegram;

public sealed class TelegramWebhookTests(TelegramBotFixture fixture) : IClassFixture<TelegramBotFixture>
{
    private TelegramTestBot Bot => fixture.Bot;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("test-secret_0123-abd")]
    [InlineData("")]
    public async Task Webhook_MissingOrWrongSecret_403AndNothingProcessed(string? secret)
    {
        var chat = Bot.NewChat();
        using var response = await Bot.PostAsync(TelegramUpdates.Text(TelegramTestBot.NextUpdateId(), chat.Id, "/start"), secret);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // The turn would have been committed within the request: nothing stored means nothing processed or sent.
        Assert.Equal(0, (await Bot.ConversationAsync(chat.Id)).Version);
        Assert.Empty(Bot.Api.Sent(chat.Id));
    }

    [Theory]
    [InlineData("{\"update_id\": 12, \"message\": {")]
    [InlineData("not json at all")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Webhook_MalformedJson_400(string body)
    {
        using var response = await Bot.PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_BodyOver256KB_413AndNothingProcessed()
    {
        var chat = Bot.NewChat();
        var huge = TelegramUpdates.Text(TelegramTestBot.NextUpdateId(), chat.Id, new string('a', 300_000));
        using var response = await Bot.PostAsync(huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, (await Bot.ConversationAsync(chat.Id)).Version);
    }

    [Fact]
    public async Task Webhook_ChunkedBodyOver256KB_413()
    {
        var chat = Bot.NewChat();
        var huge = TelegramUpdates.Text(TelegramTestBot.NextUpdateId(), chat.Id, new string('a', 300_000));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/telegram") { Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(huge))) };
        request.Headers.Add(Channels.Telegram.TelegramWebhook.SecretHeader, TelegramTestBot.Secret);
        using var response = await Bot.Host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_SameUpdateTwice_OneReplyAndOneTransition()
    {
        var chat = Bot.NewChat();
        await chat.Type("/start", "Aviso de privacidad");
        var update = TelegramUpdates.Text(TelegramTestBot.NextUpdateId(), chat.Id, "si");
        await chat.Post(update);
        await chat.Post(update);
        await chat.WaitFor(0, "Pregunta 1 de 12");
        var version = (await Bot.ConversationAsync(chat.Id)).Version;
        await chat.Post(update);
        Assert.Equal(version, (await Bot.ConversationAsync(chat.Id)).Version);

        // Replies of one chat go out in order: once the status (and the question it repeats) is here, so is every
        // earlier reply. Question 1 was asked once by the answer and once by the status.
        var before = chat.Messages.Count;
        await chat.Type("estado", "Vas en la pregunta 1 de 12");
        await chat.WaitFor(before + 1, "Pregunta 1 de 12");
        Assert.Equal(2, chat.Messages.Count(m => m.Text.StartsWith("Pregunta 1 de 12", StringComparison.Ordinal)));
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
