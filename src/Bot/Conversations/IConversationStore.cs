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

    /// <summary>The replies of <paramref name="messageId"/> reached the person; they are no longer pending.</summary>
    Task MarkSentAsync(ConversationKey key, string messageId, CancellationToken cancellationToken);

    /// <summary>True when the store answers (for /readyz).</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
