using ChatSurvey.Domain.Conversations;

namespace ChatSurvey.Bot.Conversations;

/// <summary>
/// The one place that loads a conversation, runs the engine, and commits the turn (state, processed mark, replies,
/// outbox) atomically. A redelivered message returns the replies it produced the first time and changes nothing.
/// </summary>
public sealed class ConversationService(
    CompiledSurvey survey,
    IConversationStore store,
    Pseudonymizer pseudonyms,
    TimeProvider time)
{
    // Conflicts only happen when the same person's messages race; a few retries settle them.
    private const int MaxAttempts = 8;

    public async Task<IReadOnlyList<Reply>> HandleAsync(ConversationKey key, string messageId, Input input, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var loaded = await store.LoadAsync(key, messageId, cancellationToken);
            if (loaded.ProcessedReplies is { } earlier)
            {
                return earlier;
            }

            var current = loaded.Conversation ?? new StoredConversation(ConversationState.Initial, 0);
            var turn = ConversationEngine.Resume(survey, current.State, input, time.GetUtcNow());
            var respondent = pseudonyms.For(key);
            var outbox = turn.Events.Select((e, i) => new OutboxEntry($"{respondent}:{messageId}:{i}", key.Channel, respondent, e)).ToList();
            var outcome = await store.CommitAsync(key, current.Version, new TurnCommit(messageId, turn.State, turn.Replies, outbox), cancellationToken);
            if (outcome == CommitOutcome.Committed)
            {
                return turn.Replies;
            }
        }

        throw new InvalidOperationException($"Could not commit a turn after {MaxAttempts} attempts: too many concurrent messages.");
    }
}
