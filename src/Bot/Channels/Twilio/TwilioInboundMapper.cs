using System.Globalization;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;
using Microsoft.Extensions.Primitives;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>Twilio's form parameters → <see cref="TwilioInbound"/>. Pure, so it is tested as a table of payloads.</summary>
public static class TwilioInboundMapper
{
    /// <summary>Click-to-WhatsApp ad fields worth keeping for attribution; none identifies the person.</summary>
    private static readonly string[] ReferralFields = ["ReferralSourceType", "ReferralSourceId", "ReferralSourceUrl", "ReferralCtwaClid"];

    public static TwilioInbound Map(IEnumerable<KeyValuePair<string, StringValues>> form)
    {
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var sid = fields.GetValueOrDefault("MessageSid");
        if (string.IsNullOrEmpty(sid) || !TwilioChannels.TryParseAddress(fields.GetValueOrDefault("From"), out var channel, out var number))
        {
            return TwilioInbound.Ignored;
        }

        var key = new ConversationKey(channel, number);
        var body = fields.GetValueOrDefault("Body") ?? "";
        var referral = ReferralFields
            .Where(f => !string.IsNullOrEmpty(fields.GetValueOrDefault(f)))
            .ToDictionary(f => f, f => fields[f], StringComparer.Ordinal);
        if (channel == Channel.Sms)
        {
            var optOutType = fields.GetValueOrDefault("OptOutType");
            if (SmsKeywords.IsOptOut(body, optOutType))
            {
                return new TwilioInbound(TwilioInboundAction.OptOut, key, sid, Input.NotText, referral);
            }

            if (SmsKeywords.IsOptIn(body, optOutType))
            {
                // Back from an opt-out: greet them where they were (consent, "¿continuar o empezar de nuevo?", or done).
                return new TwilioInbound(TwilioInboundAction.Converse, key, sid, Input.Start(), referral);
            }
        }

        return new TwilioInbound(TwilioInboundAction.Converse, key, sid, InputOf(fields, body), referral);
    }

    private static Input InputOf(Dictionary<string, string> fields, string body)
    {
        // A photo, voice note, sticker or shared location is not an answer, even with a caption: the engine says it
        // only reads text and repeats the question.
        var media = int.TryParse(fields.GetValueOrDefault("NumMedia"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0;
        var location = fields.ContainsKey("Latitude") && fields.ContainsKey("Longitude");
        if (media || location || string.IsNullOrWhiteSpace(body))
        {
            return Input.NotText;
        }

        return WhatsAppLink.TryParseCode(body, out var code) ? Input.Start(code) : Input.FromText(body);
    }
}
