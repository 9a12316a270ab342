using ChatSurvey.Bot.Channels.Twilio;
using ChatSurvey.Bot.Conversations;
using Microsoft.Extensions.Primitives;

namespace ChatSurvey.Bot.Channels.Voice;

/// <summary>Twilio's voice webhook form and the action URL's query → <see cref="VoiceCall"/>. Pure, tested as a table.</summary>
public static class VoiceCallMapper
{
    /// <summary>
    /// What Twilio puts in From when the caller withheld their number: each spells a word on a phone keypad (ANONYMOUS,
    /// RESTRICTED, BLOCKED, UNAVAIL, UNKNOWN). Taken as a number they would put every such caller in one conversation.
    /// </summary>
    private static readonly HashSet<string> Withheld = new(StringComparer.Ordinal) { "+266696687", "+7378742833", "+2562533", "+8656696", "+86282452253" };

    public static VoiceCall Map(IEnumerable<KeyValuePair<string, StringValues>> form, IQueryCollection query)
    {
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        // A call the bot placed (a call-back) is "outbound-api": the person is the one called.
        var outbound = fields.GetValueOrDefault("Direction", "").StartsWith("outbound", StringComparison.Ordinal);
        var address = fields.GetValueOrDefault(outbound ? "To" : "From");
        var number = TwilioChannels.TryParseAddress(address, out var channel, out var parsed) && channel == Channel.Sms && !Withheld.Contains(parsed) ? parsed : null;
        return new VoiceCall(
            fields.GetValueOrDefault("CallSid", ""),
            number,
            fields.GetValueOrDefault("Digits", "").Trim(),
            fields.GetValueOrDefault("SpeechResult", "").Trim(),
            VoiceStep.Parse(query));
    }
}
