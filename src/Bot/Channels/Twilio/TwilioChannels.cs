namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>The two channels that arrive through Twilio, as named in <see cref="Conversations.ConversationKey.Channel"/>.</summary>
public static class TwilioChannels
{
    public const string WhatsApp = "whatsapp";
    public const string Sms = "sms";

    private const string WhatsAppPrefix = "whatsapp:";

    /// <summary>("whatsapp", "+52…") for "whatsapp:+52…", ("sms", "+52…") for a plain E.164 number; false for anything else (messenger:, rcs:).</summary>
    public static bool TryParseAddress(string? address, out string channel, out string number)
    {
        channel = "";
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

        channel = whatsApp ? WhatsApp : Sms;
        number = candidate;
        return true;
    }

    /// <summary>The address Twilio expects in To for <paramref name="number"/> on <paramref name="channel"/>.</summary>
    public static string Address(string channel, string number) => channel == WhatsApp ? WhatsAppPrefix + number : number;
}
