using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>What one turn writes atomically: the new state, the processed-message mark with its replies, and the outbox.</summary>
/// <param name="AwaitingSend">
/// The replies still have to be pushed to the person (Telegram, Twilio): they stay pending until marked sent, so a
/// crash before sending is repaired by a redelivery or the pending sweep. The web chat returns replies in its
/// response, so its turns are not awaiting a send.
/// </param>
/// <param name="Forget">The person asked to delete their data: drop the conversation itself, marks and all.</param>
public sealed record TurnCommit(string MessageId, ConversationState State, IReadOnlyList<Reply> Replies, IReadOnlyList<OutboxEntry> Outbox, bool AwaitingSend, bool Forget = false);

/// <summary>A conversation as stored: its state and the version a commit must match.</summary>
public sealed record StoredConversation(ConversationState State, long Version)
{
    public static readonly StoredConversation New = new(ConversationState.Initial, 0);
}

public enum CommitOutcome
{
    Committed,
    /// <summary>Someone else committed first: <see cref="CommitResult.Current"/> holds the fresh state to run the turn on.</summary>
    Conflict,
    /// <summary>This message id was already processed: <see cref="CommitResult.EarlierReplies"/> are the replies it produced.</summary>
    Duplicate,
}

/// <summary>
/// The outcome of a commit. A conflict carries the current conversation so the turn can run again without another
/// read; a duplicate carries the replies of the first processing (empty when they are no longer kept).
/// </summary>
public sealed record CommitResult(CommitOutcome Outcome, StoredConversation? Current = null, IReadOnlyList<Reply>? EarlierReplies = null);
