using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>What one turn writes atomically: the new state, the processed-message mark with its replies, and the outbox.</summary>
public sealed record TurnCommit(string MessageId, ConversationState State, IReadOnlyList<Reply> Replies, IReadOnlyList<OutboxEntry> Outbox);

/// <summary>A conversation as stored: its state and the version a commit must match.</summary>
public sealed record StoredConversation(ConversationState State, long Version);

/// <summary>
/// What a load finds: the conversation (null when new), and, when the message was already processed, the replies that
/// turn produced (so a redelivery answers the same and changes nothing).
/// </summary>
public sealed record LoadResult(StoredConversation? Conversation, IReadOnlyList<Reply>? ProcessedReplies);

public enum CommitOutcome
{
    Committed,
    /// <summary>Someone else committed first: reload and run the turn again.</summary>
    Conflict,
    /// <summary>This message id was already processed.</summary>
    Duplicate,
}
