using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels;

/// <summary>
/// Replies committed by one turn, to be pushed to the person. <see cref="Turn"/> names the turn in the store's terms
/// (the message id that produced them), so that recording the send clears exactly these replies.
/// </summary>
public sealed record Delivery(ConversationKey Person, string Turn, IReadOnlyList<Reply> Replies);
