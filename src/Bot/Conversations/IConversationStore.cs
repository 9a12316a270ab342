namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// Conversation state with optimistic concurrency: a commit succeeds only when the stored version is the one the turn
/// read, and it records the message id so the same message is never applied twice.
/// </summary>
public interface IConversationStore
{
    /// <summary>The conversation, or <see cref="StoredConversation.New"/>; a store may answer from a cache, since commits check the version.</summary>
    Task<StoredConversation> LoadAsync(ConversationKey key, CancellationToken cancellationToken);

    Task<CommitResult> CommitAsync(ConversationKey key, long expectedVersion, TurnCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// How this store names the turn of <paramref name="messageId"/>: the same name <see cref="ISweepSource.ClaimUnsentAsync"/>
    /// gives its pending replies, so a delivery from either is recognized as the same.
    /// </summary>
    string TurnOf(string messageId);

    /// <summary>The replies of <paramref name="turn"/> (see <see cref="TurnOf"/>) reached the person; they are no longer pending.</summary>
    Task MarkSentAsync(ConversationKey key, string turn, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="MarkSentAsync"/> for the send path, where nothing waits on it: the store may hold the mark a moment to
    /// write it with others, or drop it once a newer turn of the person has replaced those replies. A mark lost in a
    /// crash only leaves the replies pending, to be sent again.
    /// </summary>
    void MarkSentSoon(ConversationKey key, string turn);

    /// <summary>
    /// Staff erase a person by pseudonym: their conversation, marks, pending replies and schedules go, and
    /// <paramref name="deletion"/> enters their outbox in the same step, after anything of theirs already there.
    /// </summary>
    Task EraseAsync(string pseudonym, OutboxEntry deletion, CancellationToken cancellationToken);

    /// <summary>True when the store answers (for /readyz).</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
