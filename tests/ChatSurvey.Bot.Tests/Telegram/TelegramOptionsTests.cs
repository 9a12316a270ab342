using System.Net;
using ChatSurvey.Bot.Channels;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Tests.Telegram;

public sealed class TelegramOptionsTests
{
    [Theory]
    [InlineData(null, "Telegram:WebhookSecret")]
    [InlineData("has spaces", "Telegram:WebhookSecret")]
    public async Task Start_WebhookModeWithoutValidSecret_FailsNamingTheKey(string? secret, string key)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramApi.Token,
            ["Telegram:WebhookSecret"] = secret,
        }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PollingWithMalformedToken_Fails()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:Mode"] = "Polling",
            ["Telegram:BotToken"] = "not-a-token",
        }));
        Assert.Contains("Telegram:BotToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoToken_TelegramOffAndNoRoute()
    {
        await using var host = await BotHost.StartAsync();
        using var response = await host.Client.PostAsync("/webhooks/telegram", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(host.Services.GetService(typeof(IEnumerable<IChannelSender>)) as IEnumerable<IChannelSender> ?? [], s => s.Channel == Channel.Telegram);
    }
}
