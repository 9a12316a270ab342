using Microsoft.Extensions.Options;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>Stops startup on a Voice section that could not work, naming the key to fix.</summary>
public sealed class VoiceOptionsValidator : IValidateOptions<VoiceOptions>
{
    public ValidateOptionsResult Validate(string? name, VoiceOptions options)
    {
        var failures = new List<string>();
        if (!Twilio.TwilioChannels.TryParseAddress(options.From, out var channel, out _) || channel != Conversations.Channel.Sms)
        {
            failures.Add("Voice:From must be the Twilio number people call, in E.164 (+529511234567).");
        }

        if (options.CallBacksPerDay is < 0 or > 100_000)
        {
            failures.Add("Voice:CallBacksPerDay must be between 0 (no call-backs) and 100000.");
        }

        // The budget forgets a call after a day, so a longer interval could not be kept.
        if (options.CallBackInterval < TimeSpan.Zero || options.CallBackInterval > TimeSpan.FromDays(1))
        {
            failures.Add("Voice:CallBackInterval must be between 00:00:00 and 1.00:00:00.");
        }

        // Twilio's own ceiling for a call is 4 hours.
        if (options.CallTimeLimit < TimeSpan.FromMinutes(1) || options.CallTimeLimit > TimeSpan.FromHours(4))
        {
            failures.Add("Voice:CallTimeLimit must be between 00:01:00 and 04:00:00.");
        }

        if (options.InputTimeoutSeconds is < 1 or > 60)
        {
            failures.Add("Voice:InputTimeoutSeconds must be between 1 and 60.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
