using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ChatSurvey.Bot.Tests.Telegram;

/// <summary>Telegram:RegisterWebhook: the bot calls setWebhook itself at startup, as the README's curl did by hand.</summary>
public sealed class TelegramWebhookRegistrationTests
{
    [Fact]
    public async Task RegisterWebhook_AtStartup_SetsPublicUrlSecretAndAllowedUpdates()
    {
        await using var bot = await TelegramTestBot.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:RegisterWebhook"] = "true",
            ["Dashboard:PublicBaseUrl"] = "https://encuesta.example.org/",
        });

        var call = await Eventually.Get(() => Task.FromResult(bot.Api.Calls("setWebhook")), c => c.Count > 0, "setWebhook");
        var parameters = Assert.Single(call).Parameters;
        Assert.Equal("https://encuesta.example.org/webhooks/telegram", parameters["url"]!.GetValue<string>());
        Assert.Equal(TelegramTestBot.Secret, parameters["secret_token"]!.GetValue<string>());
        Assert.Equal(["message", "callback_query", "my_chat_member"], parameters["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Null(parameters["drop_pending_updates"]);
    }

    [Fact]
    public async Task RegisterWebhookUnset_AtStartup_NoRegistrationRuns()
    {
        await using var bot = await TelegramTestBot.StartAsync(new Dictionary<string, string?> { ["Dashboard:PublicBaseUrl"] = "https://encuesta.example.org" });
        var hosted = bot.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>();
        Assert.DoesNotContain(hosted, s => s is Bot.Channels.Telegram.TelegramWebhookRegistration);
        Assert.Empty(bot.Api.Calls("setWebhook"));
    }
}
