using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels;

/// <summary>
/// Pushes replies to a person on a channel that can write first (Telegram, WhatsApp, SMS): an adapter that renders,
/// calls the platform and reports a <see cref="SendOutcome"/>. It never writes to a conversation.
/// </summary>
public interface IChannelSender
{
    Channel Channel { get; }

    /// <summary>Whether the channel lets us write to this person now, unprompted (WhatsApp only within 24 hours of their last message).</summary>
    bool CanRemind(ConversationState state, DateTimeOffset now);

    Task<SendOutcome> SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken);
}
