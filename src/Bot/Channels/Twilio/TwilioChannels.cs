using ChatSurvey.Bot.Conversations;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>The two channels that arrive through Twilio (<see cref="Channel.WhatsApp"/>, <see cref="Channel.Sms"/>) and their addresses.</summary>
public static class TwilioChannels
{
    private const string WhatsAppPrefix = "whatsapp:";

    /// <summary>(WhatsApp, "+52…") for "whatsapp:+52…", (SMS, "+52…") for a plain E.164 number; false for anything else (messenger:, rcs:).</summary>
    public static bool TryParseAddress(string? address, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Channel? channel, out string number)
    {
        channel = null;
        number = "";
        if (string.IsNullOrEmpty(address))
        {
            return false;
        }

        var whatsApp = address.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase);
        var candidate = whatsApp ? address[WhatsAppPrefix.Length..] : address;
        if (candidate.Length is < 4 or > 16 || candidate[0] != '+' || candidate.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        channel = whatsApp ? Channel.WhatsApp : Channel.Sms;
        number = candidate;
        return true;
    }

    /// <summary>The address Twilio expects in To for <paramref name="number"/> on <paramref name="channel"/>.</summary>
    public static string Address(Channel channel, string number) => channel == Channel.WhatsApp ? WhatsAppPrefix + number : number;
}
