using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels.Twilio;

/// <summary>
/// One inbound Twilio message, mapped. <see cref="MessageId"/> is Twilio's MessageSid, the key that makes a
/// redelivery a no-op. <see cref="Referral"/> holds the Click-to-WhatsApp ad fields when present (no personal data).
/// </summary>
public sealed record TwilioInbound(
    TwilioInboundAction Action,
    ConversationKey Key,
    string MessageId,
    Input Input,
    IReadOnlyDictionary<string, string> Referral)
{
    public static TwilioInbound Ignored { get; } = new(TwilioInboundAction.Ignore, default, "", Input.NotText, new Dictionary<string, string>());
}
