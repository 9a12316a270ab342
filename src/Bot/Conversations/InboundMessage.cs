using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// One message from a person, as every channel hands it to <see cref="ConversationService"/>: who, on which channel,
/// the platform's id for the message (the same on a redelivery), and what it says.
/// <code>{"person": {"channel": "telegram", "userId": "81803240"}, "messageId": "5734212", "input": {"kind": "Text", "text": "1 y 3"}}</code>
/// </summary>
public sealed record InboundMessage(ConversationKey Person, string MessageId, Input Input);
