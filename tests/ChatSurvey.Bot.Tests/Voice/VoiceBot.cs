using ChatSurvey.Bot.Tests.Twilio;

namespace ChatSurvey.Bot.Tests.Voice;

/// <summary>The real bot with Twilio and its voice channel configured against <see cref="FakeTwilioApi"/>.</summary>
public static class VoiceBot
{
    public const string From = "+529515550199";

    public static Task<TwilioBot> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Voice:From"] = From };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return TwilioBot.StartAsync(settings);
    }
}
