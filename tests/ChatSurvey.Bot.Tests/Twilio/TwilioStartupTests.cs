using System.Net;
using ChatSurvey.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Tests.Twilio;

public sealed class TwilioStartupTests
{
    [Fact]
    public async Task Configured_WithoutTokenAndPublicUrl_StartupFailsNamingTheKeys()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = "AC00000000000000000000000000000001",
            ["Twilio:WhatsAppFrom"] = "+14155238886",
        }));
        Assert.Contains("Twilio:AuthToken", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twilio:PublicBaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Twilio:WhatsAppFrom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_PlainHttpPublicUrl_StartupFailsNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Twilio:AccountSid"] = "AC00000000000000000000000000000001",
                ["Twilio:AuthToken"] = "token",
                ["Twilio:SmsFrom"] = "+19512345678",
                ["Twilio:PublicBaseUrl"] = "http://encuesta.example.org",
                ["Dashboard:PublicBaseUrl"] = "https://encuesta.example.org",
            },
            "Production"));
        Assert.Contains("Twilio:PublicBaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotConfigured_WebhookRoutesAbsent()
    {
        await using var host = await BotHost.StartAsync();
        using var response = await host.Client.PostAsync("/webhooks/twilio", new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "Hola" }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
