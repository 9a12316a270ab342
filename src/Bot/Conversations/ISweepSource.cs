using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// Where the sweeper finds work: conversations whose reminder or abandonment check is due, and turns whose replies
/// were committed but never confirmed sent (the process died in between). Claims are leased, so that with several
/// bot instances each bucket of conversations is swept by one of them at a time.
/// </summary>
public interface ISweepSource
{
    Task<IReadOnlyList<ConversationKey>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Replies committed before <paramref name="before"/> and still not confirmed sent.</summary>
    Task<IReadOnlyList<PendingReplies>> ClaimUnsentAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);

    Task AcknowledgeSentAsync(PendingReplies pending, CancellationToken cancellationToken);
}

/// <param name="Turn">Which turn's replies these are, in the store's own terms.</param>
public sealed record PendingReplies(ConversationKey Key, string Turn, IReadOnlyList<Reply> Replies);
