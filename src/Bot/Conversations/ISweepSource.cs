using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// Where the sweeper finds work: conversations whose reminder or abandonment check is due, and turns whose replies
/// were committed but never confirmed sent (the process died in between, or the send failed). Claims are leased, so
/// that with several bot instances each bucket of conversations is swept by one of them at a time, and the buckets
/// are visited in turn, so none waits behind another.
/// </summary>
public interface ISweepSource
{
    Task<IReadOnlyList<ConversationKey>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Replies committed (or last claimed) before <paramref name="before"/> and still not confirmed sent. A claimed
    /// turn is not claimed again for the same wait, so a slow send is not repeated on every pass.
    /// </summary>
    Task<IReadOnlyList<PendingReplies>> ClaimUnsentAsync(DateTimeOffset before, int max, CancellationToken cancellationToken);

    /// <summary>Puts a due conversation off until <paramref name="until"/> (its sweep failed).</summary>
    Task DeferAsync(ConversationKey key, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <param name="Turn">Which turn's replies these are, in the store's own terms (see <see cref="IConversationStore.MarkSentAsync"/>).</param>
public sealed record PendingReplies(ConversationKey Key, string Turn, IReadOnlyList<Reply> Replies);
