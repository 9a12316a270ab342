using System.Collections.Concurrent;
using ChatSurvey.Bot.Channels;
using ChatSurvey.Bot.Conversations;
using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Tests.Infrastructure;

/// <summary>A channel that records what it is asked to push, always allows reminders, and reports <see cref="Outcome"/>.</summary>
public sealed class RecordingSender(Channel channel) : IChannelSender
{
    public Channel Channel => channel;

    public ConcurrentQueue<(string UserId, IReadOnlyList<Reply> Replies)> Sent { get; } = new();

    /// <summary>What the next sends report; <see cref="SendOutcome.Sent"/> unless a test says otherwise.</summary>
    public SendOutcome Outcome { get; set; } = SendOutcome.Sent;

    /// <summary>While not completed, sends wait for it (a slow platform).</summary>
    public Task Hold { get; set; } = Task.CompletedTask;

    public bool CanRemind(ConversationState state, DateTimeOffset now) => true;

    public async Task<SendOutcome> SendAsync(string userId, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        await Hold.WaitAsync(cancellationToken);
        Sent.Enqueue((userId, replies));
        return Outcome;
    }
}
