using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Channels;

/// <summary>Pushes replies to a person on a channel that can write first (Telegram, WhatsApp, SMS); the web chat cannot.</summary>
public interface IChannelSender
{
    /// <summary>The channel name used in <see cref="Conversations.ConversationKey.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>Whether the channel lets us write to this person now, unprompted (WhatsApp only within 24 hours of their last message).</summary>
    bool CanRemind(ConversationState state, DateTimeOffset now);

    Task SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken);
}
