using System.Collections.Concurrent;
using ChatSurvey.Bot.Channels;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>A channel that records what it is asked to push, and always allows reminders.</summary>
public sealed class RecordingSender(string channel) : IChannelSender
{
    public string Channel => channel;

    public ConcurrentQueue<(string UserId, IReadOnlyList<Reply> Replies)> Sent { get; } = new();

    public bool CanRemind(ConversationState state, DateTimeOffset now) => true;

    public Task SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        Sent.Enqueue((userId, replies));
        return Task.CompletedTask;
    }
}
