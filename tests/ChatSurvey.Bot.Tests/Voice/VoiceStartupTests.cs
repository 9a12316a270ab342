using ChatSurvey.Bot.Tests.Infrastructure;
using ChatSurvey.Bot.Tests.Twilio;
using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Tests.Voice;

public sealed class VoiceStartupTests
{
    [Fact]
    public async Task VoiceWithoutTwilio_StartupFailsNamingWhatIsMissing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Voice:From"] = VoiceBot.From }));
        Assert.Contains("Twilio:AccountSid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadVoiceSettings_StartupFailsNamingTheKeys()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => VoiceBot.StartAsync(new Dictionary<string, string?>
        {
            ["Voice:From"] = "9515550199",
            ["Voice:CallBackInterval"] = "2.00:00:00",
            ["Voice:CallTimeLimit"] = "00:00:30",
        }));
        Assert.Contains("Voice:From", error.Message, StringComparison.Ordinal);
        Assert.Contains("Voice:CallBackInterval", error.Message, StringComparison.Ordinal);
        Assert.Contains("Voice:CallTimeLimit", error.Message, StringComparison.Ordinal);
    }
}
