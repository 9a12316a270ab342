namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// Conversation state with optimistic concurrency: a commit succeeds only when the stored version is the one the turn
/// read, and it records the message id so the same message is never applied twice.
/// </summary>
public interface IConversationStore
{
    Task<LoadResult> LoadAsync(ConversationKey key, string messageId, CancellationToken cancellationToken);

    Task<CommitOutcome> CommitAsync(ConversationKey key, long expectedVersion, TurnCommit commit, CancellationToken cancellationToken);

    /// <summary>True when the store answers (for /readyz).</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
